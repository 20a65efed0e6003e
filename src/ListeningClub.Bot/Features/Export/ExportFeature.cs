using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Web;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Bot.Features.Export;

/// <summary>/club export: the club's history as JSON and Letterboxd CSV files; the same files as downloads from the club's web archive.</summary>
public static class ExportFeature
{
    public static IServiceCollection AddExport(this IServiceCollection services) =>
        services.AddManagerSubcommand<ClubExport>().AddWebEndpoints<ExportDownloads>();
}
