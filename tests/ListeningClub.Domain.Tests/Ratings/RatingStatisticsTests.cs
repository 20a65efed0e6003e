using CsCheck;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Ratings;

namespace ListeningClub.Domain.Tests.Ratings;

public sealed class RatingStatisticsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly TrackId Track = TrackId.New();

    private static Rating R(CycleId cycle, ulong member, int score) =>
        new() { CycleId = cycle, TrackId = Track, MemberId = member, Score = score, RatedAt = Now };

    [Fact]
    public void Summary_ComputesMeanMedianSpread()
    {
        var summary = RatingSummary.Of([2, 4, 4, 4, 5, 5, 7, 9])!;
        Assert.Equal(8, summary.Count);
        Assert.Equal(5.0, summary.Mean, 10);
        Assert.Equal(4.5, summary.Median, 10);
        Assert.Equal(2.0, summary.StandardDeviation, 10);
        Assert.Equal(2, summary.Lowest);
        Assert.Equal(9, summary.Highest);
        Assert.Null(RatingSummary.Of([]));
    }

    [Fact]
    public void MostDivisive_OrdersBySpreadAndNeedsEnoughRatings()
    {
        CycleId loved = CycleId.New(), split = CycleId.New(), tiny = CycleId.New();
        var ratings = new[]
        {
            R(loved, 1, 9), R(loved, 2, 9), R(loved, 3, 8),
            R(split, 1, 1), R(split, 2, 10), R(split, 3, 5),
            R(tiny, 1, 1), R(tiny, 2, 10),
        };
        var ranking = RatingStatistics.MostDivisive(ratings, 10);
        Assert.Equal([split, loved], ranking.Select(p => p.CycleId));
    }

    [Fact]
    public void TasteMatch_FindsTheMemberWhoAgreesMost()
    {
        var cycles = Enumerable.Range(0, 4).Select(_ => CycleId.New()).ToArray();
        int[] me = [2, 5, 7, 9], twin = [3, 6, 8, 10], opposite = [9, 7, 5, 2];
        var ratings = cycles.SelectMany((c, i) => new[] { R(c, 1, me[i]), R(c, 2, twin[i]), R(c, 3, opposite[i]) }).ToList();
        ratings.Add(R(cycles[0], 4, 5)); // too little overlap to match

        var matches = RatingStatistics.TasteMatches(1, ratings);

        Assert.Equal([2ul, 3ul], matches.Select(m => m.OtherMemberId));
        Assert.Equal(1.0, matches[0].Correlation, 10);
        Assert.True(matches[1].Correlation < -0.9);
        Assert.Equal(4, matches[0].SharedPicks);
    }

    [Fact]
    public void Pearson_IsSymmetricAndBounded() =>
        Gen.Int[1, 10].Array[3, 12].Select(Gen.Int[1, 10].Array[12], (x, y) => (x, y: y[..x.Length])).Sample(t =>
        {
            var xs = t.x.Select(v => (double)v).ToArray();
            var ys = t.y.Select(v => (double)v).ToArray();
            var forward = RatingStatistics.Pearson(xs, ys);
            var backward = RatingStatistics.Pearson(ys, xs);
            return forward == backward && (forward is null || forward is >= -1 and <= 1);
        });
}
