using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;

namespace ListeningClub.Domain.Ratings;

public static class RatingRules
{
    /// <summary>Rates the cycle's pick; allowed from the announcement until the ratings are revealed.</summary>
    public static Result<Rating> Rate(Track track, Cycle cycle, ulong memberId, int score, string? review, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(cycle);
        if (!cycle.RatingsOpen)
        {
            return cycle.WrongPhase(CycleActions.Rate, track.Name, track.TimeZone);
        }

        if (score is < Rating.MinScore or > Rating.MaxScore)
        {
            return new Problem("rate.score", $"A rating is a whole number from {Rating.MinScore} to {Rating.MaxScore}; {score} is outside that.");
        }

        var cleanReview = TextInput.Optional(review, "review", Rating.MaxReviewLength);
        if (!cleanReview.IsSuccess)
        {
            return cleanReview.Problem!;
        }

        return new Rating
        {
            CycleId = cycle.Id,
            TrackId = track.Id,
            MemberId = memberId,
            Score = score,
            Review = cleanReview.Value,
            RatedAt = now.ToUniversalTime(),
        };
    }
}
