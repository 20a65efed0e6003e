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
        services.AddDiscordRest();
        services.AddClubDomain();
        services.AddMemberRateLimits();
        services.AddRhythm();
        return services;
    }
}
