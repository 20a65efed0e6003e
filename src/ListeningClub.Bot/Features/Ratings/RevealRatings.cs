using ListeningClub.Application.Ratings;
using ListeningClub.Application.Steps;
using ListeningClub.Bot.Posting;
using ListeningClub.Domain.Picks;

namespace ListeningClub.Bot.Features.Ratings;

/// <summary>
/// When a pick is announced, the previous pick's sealed ratings are revealed in its discussion: the scores, reviews,
/// mean, median and spread. Revealed once (the cycle records it; the post is an outbox intent).
/// </summary>
public sealed class RevealRatings(RatingService ratings, IPickRepository picks, TrackPosts posts) : ITrackEventListener<PickAnnounced>
{
    public async Task HandleAsync(PickAnnounced happened, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(happened);
        if (happened.Previous is not { RatingsOpen: true } previous)
        {
            return;
        }

        var track = happened.Track;
        var reveal = await ratings.RevealAsync(track, previous.Id, ct).ConfigureAwait(false);
        var pick = await picks.GetByCycleAsync(previous.Id, ct).ConfigureAwait(false);
        if (reveal.IsSuccess && pick is not null)
        {
            await posts.PostAsync(track, PostKinds.RatingsRevealed, previous.Id.ToString(), RatingMessages.RatingsRevealed(track, pick, reveal.Value), $"⭐ Ratings: {pick.Media.DisplayName}", pick.ThreadId, ct).ConfigureAwait(false);
        }
    }
}
