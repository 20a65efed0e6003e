using ListeningClub.Bot.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Bot.Features.Picks;

/// <summary>The picks: /pick (the current one) and /history (the past ones).</summary>
public static class PicksFeature
{
    public static IServiceCollection AddPicks(this IServiceCollection services)
    {
        services.AddMemberCommand<PickCommand>();
        services.AddMemberCommand<HistoryCommand>();
        return services;
    }
}
