using ListeningClub.Discord.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Bot.Features.Polls;

/// <summary>Voting with Discord polls: live poll votes, and the exact count from the poll before voting closes.</summary>
public static class PollsFeature
{
    public static IServiceCollection AddPolls(this IServiceCollection services)
    {
        services.AddSingleton<PollCount>();
        services.AddGatewayDispatchHandler<PollVotes>();
        return services;
    }
}
