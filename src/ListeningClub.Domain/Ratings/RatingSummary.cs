namespace ListeningClub.Domain.Ratings;

/// <summary>Mean, median, spread and count of a pick's ratings.</summary>
public sealed record RatingSummary(int Count, double Mean, double Median, double StandardDeviation, int Lowest, int Highest)
{
    public static RatingSummary? Of(IEnumerable<int> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var sorted = scores.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var mean = sorted.Average();
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;

        // Population standard deviation: the ratings are everyone who rated, not a sample.
        var variance = sorted.Sum(score => (score - mean) * (score - mean)) / sorted.Length;
        return new RatingSummary(sorted.Length, mean, median, Math.Sqrt(variance), sorted[0], sorted[^1]);
    }
}
