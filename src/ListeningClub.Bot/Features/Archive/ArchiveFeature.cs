using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Web;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Bot.Features.Archive;

/// <summary>The club's read-only web archive: /club archive on|off|rotate-link and its pages on the bot's web server.</summary>
public static class ArchiveFeature
{
    public static IServiceCollection AddArchive(this IServiceCollection services)
    {
        services.AddManagerSubcommand<ClubArchive>();
        services.AddSingleton<ArchivePictures>();
        services.AddWebEndpoints<ArchivePages>();
        return services;
    }
}
