using ListeningClub.Domain.Common;

namespace ListeningClub.Domain.Ratings;

/// <summary>A pick's place in the "most divisive" ranking.</summary>
public sealed record DivisivePick(CycleId CycleId, RatingSummary Summary);

/// <summary>How closely two members' ratings agree: Pearson correlation over the picks both rated.</summary>
public sealed record TasteMatch(ulong MemberId, ulong OtherMemberId, double Correlation, int SharedPicks);

/// <summary>Club-wide views over revealed ratings.</summary>
public static class RatingStatistics
{
    public const int MinRatingsForDivisive = 3;
    public const int DefaultMinOverlap = 3;

    /// <summary>Picks ordered by the spread of their ratings, widest first; needs a few ratings to mean anything.</summary>
    public static IReadOnlyList<DivisivePick> MostDivisive(IEnumerable<Rating> ratings, int limit, int minRatings = MinRatingsForDivisive)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        return ratings
            .GroupBy(r => r.CycleId)
            .Select(group => new DivisivePick(group.Key, RatingSummary.Of(group.Select(r => r.Score))!))
            .Where(pick => pick.Summary.Count >= minRatings)
            .OrderByDescending(pick => pick.Summary.StandardDeviation)
            .ThenByDescending(pick => pick.Summary.Count)
            .ThenBy(pick => pick.CycleId.Value)
            .Take(limit)
            .ToList();
    }

    /// <summary>
    /// The member's taste match with every other member who co-rated at least <paramref name="minOverlap"/> picks,
    /// best match first. Pairs where either member gave the same score to every shared pick have no defined
    /// correlation and are left out.
    /// </summary>
    public static IReadOnlyList<TasteMatch> TasteMatches(ulong memberId, IEnumerable<Rating> ratings, int minOverlap = DefaultMinOverlap)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var byMember = ratings
            .GroupBy(r => r.MemberId)
            .ToDictionary(group => group.Key, group => group.GroupBy(r => r.CycleId).ToDictionary(g => g.Key, g => g.Last().Score));
        if (!byMember.TryGetValue(memberId, out var mine))
        {
            return [];
        }

        var matches = new List<TasteMatch>();
        foreach (var (other, theirs) in byMember)
        {
            if (other == memberId)
            {
                continue;
            }

            var shared = mine.Keys.Where(theirs.ContainsKey).ToList();
            if (shared.Count < minOverlap)
            {
                continue;
            }

            var correlation = Pearson(shared.Select(c => (double)mine[c]).ToArray(), shared.Select(c => (double)theirs[c]).ToArray());
            if (correlation is { } value)
            {
                matches.Add(new TasteMatch(memberId, other, value, shared.Count));
            }
        }

        return matches.OrderByDescending(m => m.Correlation).ThenByDescending(m => m.SharedPicks).ThenBy(m => m.OtherMemberId).ToList();
    }

    /// <summary>Pearson's r, or null when either side has no variance.</summary>
    public static double? Pearson(IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ys);
        if (xs.Count != ys.Count || xs.Count < 2)
        {
            return null;
        }

        var meanX = xs.Average();
        var meanY = ys.Average();
        double covariance = 0, varianceX = 0, varianceY = 0;
        for (var i = 0; i < xs.Count; i++)
        {
            var dx = xs[i] - meanX;
            var dy = ys[i] - meanY;
            covariance += dx * dy;
            varianceX += dx * dx;
            varianceY += dy * dy;
        }

        if (varianceX == 0 || varianceY == 0)
        {
            return null;
        }

        return Math.Clamp(covariance / Math.Sqrt(varianceX * varianceY), -1, 1);
    }
}
