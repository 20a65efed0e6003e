using ListeningClub.Bot.Rendering.Charts;
using SkiaSharp;
using static ListeningClub.Bot.Tests.Rendering.Charts.ResultChartTests;

namespace ListeningClub.Bot.Tests.Rendering.Charts;

/// <summary>The ratings picture: a real PNG of the chart size that shows the scores given (not a blank canvas), described in words.</summary>
public sealed class RatingsChartTests
{
    [Fact]
    public void Render_Ratings_IsAPngOfTheChartSize_DescribingEachScoreTheMeanAndMedian()
    {
        var picture = RatingsChart.Render([9, 7, 7, 3], "Film Night: Alien (1979) — ratings", null)!;

        using var bitmap = SKBitmap.Decode(picture.Png);
        Assert.Equal((RatingsChart.Width, RatingsChart.Height), (bitmap.Width, bitmap.Height));
        Assert.True(DistinctColours(bitmap) > 50, "bars, lines and text, not a blank canvas");
        Assert.Equal("Bar chart of 4 ratings by score: 9/10 × 1, 7/10 × 2, 3/10 × 1. Mean 6.5, median 7.", picture.Description);
    }

    [Fact]
    public void Render_OtherScores_DrawAnotherPicture_AndTheSeasonsMostDivisiveIsNamed()
    {
        var divisive = new DivisiveNote("Stalker (1979)", 2.94, "2026");
        using var a = SKBitmap.Decode(RatingsChart.Render([9, 7, 7, 3], "Film Night", null)!.Png);
        using var b = SKBitmap.Decode(RatingsChart.Render([2, 2, 10], "Film Night", null)!.Png);
        var noted = RatingsChart.Render([9, 7, 7, 3], "Film Night", divisive)!;
        using var c = SKBitmap.Decode(noted.Png);

        Assert.True(DifferentPixels(a, b) > 2_000, "other scores draw other bars");
        Assert.True(DifferentPixels(a, c) > 100, "the note is drawn");
        Assert.EndsWith("Most divisive pick of 2026: Stalker (1979) (spread ±2.9).", noted.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NobodyRated_DrawsNothing()
    {
        Assert.Null(RatingsChart.Render([], "Film Night", null));
        Assert.Null(RatingsChart.Describe([], null));
    }
}
