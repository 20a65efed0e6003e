using ListeningClub.Application.Steps;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Posting;
using ListeningClub.Bot.Steps;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Bot.Features.Ratings;

/// <summary>Ratings: /rate (sealed until the reveal), /stats, and the reveal (with its picture) when the next pick is announced.</summary>
public static class RatingsFeature
{
    public static IServiceCollection AddRatings(this IServiceCollection services)
    {
        services.AddMemberCommand<RateCommand>();
        services.AddMemberCommand<StatsCommand>();
        services.AddTrackEventListener<PickAnnounced, RevealRatings>();
        services.AddSingleton<IPostAttachments, RatingPictures>();
        return services;
    }
}
