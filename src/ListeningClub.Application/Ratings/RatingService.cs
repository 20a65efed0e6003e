using ListeningClub.Application.Cycles;
using ListeningClub.Application.Locks;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Ratings;

namespace ListeningClub.Application.Ratings;

/// <summary>The ratings of a cycle's pick once revealed: the summary and every member's score.</summary>
public sealed record RatingReveal(Cycle Cycle, RatingSummary? Summary, IReadOnlyList<Rating> Ratings);

/// <summary>Rating the latest pick, sealed until the reveal, and revealing.</summary>
public sealed class RatingService(ICycleRepository cycles, IRatingRepository ratings, TrackLocks locks, TimeProvider time)
{
    /// <summary>Rates the most recent pick whose ratings are still sealed.</summary>
    public async Task<Result<Rating>> RateAsync(Track track, ulong memberId, int score, string? review, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        using var held = await locks.ReadAsync(track.Id, cancellationToken).ConfigureAwait(false);
        var cycle = await RateableCycleAsync(track, cancellationToken).ConfigureAwait(false);
        var rating = RatingRules.Rate(track, cycle, memberId, score, review, time.GetUtcNow());
        if (rating.IsSuccess)
        {
            await ratings.UpsertAsync(rating.Value, cancellationToken).ConfigureAwait(false);
        }

        return rating;
    }

    /// <summary>Reveals the ratings of the most recent unrevealed pick. Idempotent.</summary>
    public async Task<Result<RatingReveal>> RevealAsync(Track track, CycleId cycleId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        using var held = await locks.WriteAsync(track.Id, cancellationToken).ConfigureAwait(false);
        var cycle = await cycles.GetAsync(cycleId, cancellationToken).ConfigureAwait(false);
        if (cycle is null || cycle.TrackId != track.Id)
        {
            return new Problem("reveal.unknown", "That cycle doesn't exist in this track.");
        }

        var revealed = cycle.RevealRatings(time.GetUtcNow());
        if (!revealed.IsSuccess)
        {
            return revealed.Problem!;
        }

        if (revealed.Value != cycle)
        {
            await cycles.SaveAsync(revealed.Value, cancellationToken).ConfigureAwait(false);
        }

        var all = await ratings.ListByCycleAsync(cycleId, cancellationToken).ConfigureAwait(false);
        return new RatingReveal(revealed.Value, RatingSummary.Of(all.Select(r => r.Score)), all.OrderByDescending(r => r.Score).ThenBy(r => r.MemberId).ToList());
    }

    /// <summary>
    /// The cycle whose pick members rate now: the current cycle once announced, otherwise the previous cycle while its
    /// ratings are still sealed (members keep rating last week's pick while the next cycle nominates).
    /// </summary>
    private async Task<Cycle> RateableCycleAsync(Track track, CancellationToken cancellationToken)
    {
        var all = await cycles.ListByTrackAsync(track.Id, cancellationToken).ConfigureAwait(false);
        var open = all.Where(c => c.RatingsOpen).MaxBy(c => c.Number);
        return open ?? await cycles.CurrentAsync(track, time, cancellationToken).ConfigureAwait(false);
    }
}
