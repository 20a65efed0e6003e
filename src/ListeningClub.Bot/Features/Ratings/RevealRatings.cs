using ListeningClub.Application.History;
using ListeningClub.Application.Ratings;
using ListeningClub.Application.Steps;
using ListeningClub.Bot.Posting;

namespace ListeningClub.Bot.Features.Ratings;

/// <summary>
/// When a pick is announced, the previous pick's sealed ratings are revealed in its discussion: the scores, reviews,
/// mean, median and spread, and a picture of them (<see cref="RatingPictures"/>). Revealed once (the cycle records it;
/// the post is an outbox intent).
/// </summary>
public sealed class RevealRatings(RatingService ratings, ClubHistoryQuery history, TrackPosts posts) : ITrackEventListener<PickAnnounced>
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
        if (!reveal.IsSuccess)
        {
            return;
        }

        // The track's history has the pick and what its picture shows (the season's ratings): one read for both.
        var record = await history.TrackAsync(track, withBallots: false, ct).ConfigureAwait(false);
        if (record.Cycles.FirstOrDefault(c => c.Cycle.Id == previous.Id) is { Pick: { } pick } cycle)
        {
            var message = RatingMessages.RatingsRevealed(track, pick, reveal.Value, RatingPictures.Reference(record, cycle));
            await posts.PostAsync(track, PostKinds.RatingsRevealed, previous.Id.ToString(), message, $"⭐ Ratings: {pick.Media.DisplayName}", pick.ThreadId, ct).ConfigureAwait(false);
        }
    }
}
