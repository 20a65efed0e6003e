using ListeningClub.Bot.Features.Backup;
using ListeningClub.Bot.Features.Club;
using ListeningClub.Bot.Features.Commands;
using ListeningClub.Bot.Features.Health;
using ListeningClub.Bot.Features.Polls;
using ListeningClub.Bot.Features.Rhythm;
using ListeningClub.Bot.Features.Safety;
using ListeningClub.Discord.Hosting;
using ListeningClub.Storage.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ListeningClub.Bot.Hosting;

/// <summary>Everything the bot is made of. Each part registers itself; this only lists them.</summary>
public static class ListeningClubServices
{
    /// <remarks>
    /// The order is the shutdown order, reversed: on SIGTERM the host stops its services last-registered first, so the
    /// health endpoint goes, then the gateway (no new interactions; the ones running finish), then the scheduler
    /// (running jobs finish), and the store last (its writer drains, then a checkpoint).
    /// </remarks>
    public static IServiceCollection AddListeningClub(this IServiceCollection services)
    {
        services.AddListeningClubStorage();
        services.AddSingleton<IValidateOptions<StorageOptions>, DataFolderCheck>();
        services.AddClubDomain();
        services.AddOptions<ClubDefaultsOptions>().BindConfiguration(ClubDefaultsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClubDefaultsOptions>, ClubDefaultsValidator>();
        services.AddMemberRateLimits();
        services.AddRhythm();
        services.AddBackups();
        services.AddDiscordClient();
        services.AddClubCommands();
        services.AddPolls();
        services.AddHealth();
        services.AddHostedService<IdleTrim>();
        return services;
    }
}
