using ListeningClub.Bot.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Bot.Features.Export;

/// <summary>/club export: the club's history as JSON and Letterboxd CSV files.</summary>
public static class ExportFeature
{
    public static IServiceCollection AddExport(this IServiceCollection services) => services.AddManagerSubcommand<ClubExport>();
}
