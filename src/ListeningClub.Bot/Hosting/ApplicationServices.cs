using ListeningClub.Application.Archive;
using ListeningClub.Application.Clubs;
using ListeningClub.Application.Cycles;
using ListeningClub.Application.History;
using ListeningClub.Application.Locks;
using ListeningClub.Application.Nominations;
using ListeningClub.Application.Prompts;
using ListeningClub.Application.Ratings;
using ListeningClub.Application.Tracks;
using ListeningClub.Application.Voting;
using ListeningClub.Domain.Prompts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ListeningClub.Bot.Hosting;

/// <summary>The application's use cases, one instance each: they hold no state but the per-track locks.</summary>
public static class ApplicationServices
{
    public static IServiceCollection AddClubApplication(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TrackLocks>();
        services.TryAddSingleton<ClubService>();
        services.TryAddSingleton<NominationService>();
        services.TryAddSingleton<VotingService>();
        services.TryAddSingleton<CycleService>();
        services.TryAddSingleton<RatingService>();
        services.TryAddSingleton<ClubHistoryQuery>();
        services.TryAddSingleton<ClubArchiveService>();
        services.TryAddSingleton<ArchiveQuery>();
        services.TryAddSingleton<TrackService>();
        services.TryAddSingleton(provider => new PromptService(
            provider.GetRequiredService<IPromptRepository>(), provider.GetRequiredService<TimeProvider>(), Random.Shared));
        return services;
    }
}
