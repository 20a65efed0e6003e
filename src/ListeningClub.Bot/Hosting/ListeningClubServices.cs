using ListeningClub.Bot.Features.Commands;
using ListeningClub.Bot.Features.Rhythm;
using ListeningClub.Bot.Features.Safety;
using ListeningClub.Discord.Hosting;
using ListeningClub.Storage.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Bot.Hosting;

/// <summary>Everything the bot is made of. Each part registers itself; this only lists them.</summary>
public static class ListeningClubServices
{
    public static IServiceCollection AddListeningClub(this IServiceCollection services)
    {
        services.AddListeningClubStorage();
        services.AddDiscordClient();
        services.AddClubDomain();
        services.AddMemberRateLimits();
        services.AddRhythm();
        services.AddClubCommands();
        return services;
    }
}
