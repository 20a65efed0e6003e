using ListeningClub.Bot.Rendering.Charts;
using ListeningClub.Domain.Voting;
using ScottPlot;
using SkiaSharp;

namespace ListeningClub.Bot.Tests.Rendering.Charts;

/// <summary>The result pictures: real PNGs of the expected size that show the count (not a blank canvas), with text drawn in the bundled font.</summary>
public sealed class ResultChartTests
{
    public static TheoryData<VotingMethod> Methods => [VotingMethod.Plurality, VotingMethod.Approval, VotingMethod.InstantRunoff, VotingMethod.Schulze];

    [Theory]
    [MemberData(nameof(Methods))]
    public void Render_EachMethod_IsAPngOfTheChartSize_WithTheWinnerNamedInItsDescription(VotingMethod method)
    {
        var tally = Tally(method, 0);

        var picture = ResultChart.Render(tally, SampleTallies.NameOf, "Film Night: the count")!;

        using var bitmap = SKBitmap.Decode(picture.Png);
        Assert.NotNull(bitmap);
        Assert.Equal((ResultChart.Width, ResultChart.Height), (bitmap.Width, bitmap.Height));
        Assert.True(DistinctColours(bitmap) > 50, "the chart has more than a background and a frame");
        Assert.Contains(SampleTallies.NameOf(tally.Winner), picture.Description, StringComparison.Ordinal);
        Assert.InRange(picture.Description.Length, 40, ChartPicture.MaxDescription);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Render_TwoDifferentResults_DrawDifferentPictures(VotingMethod method)
    {
        var first = ResultChart.Render(Tally(method, 0), SampleTallies.NameOf, "Film Night")!;
        var second = ResultChart.Render(Tally(method, 1), SampleTallies.NameOf, "Film Night")!;

        using var a = SKBitmap.Decode(first.Png);
        using var b = SKBitmap.Decode(second.Png);
        Assert.True(DifferentPixels(a, b) > 2_000, "another count draws another picture");
    }

    [Fact]
    public void Render_TwentyNominationsNineteenRounds_DrawsEveryRound()
    {
        var tally = SampleTallies.Ranked(VotingMethod.InstantRunoff, 20);

        var picture = ResultChart.Render(tally, SampleTallies.NameOf, "Film Night")!;

        Assert.Equal(19, ((InstantRunoffExplanation)tally.Explanation).Rounds.Count);
        using var bitmap = SKBitmap.Decode(picture.Png);
        Assert.Equal(ResultChart.Width, bitmap.Width);
        Assert.Contains("round 19", picture.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TheTitle_IsDrawnAsText()
    {
        var tally = SampleTallies.Ranked(VotingMethod.Schulze, 4);

        using var a = SKBitmap.Decode(ResultChart.Render(tally, SampleTallies.NameOf, "Film Night")!.Png);
        using var b = SKBitmap.Decode(ResultChart.Render(tally, SampleTallies.NameOf, "Album Club")!.Png);

        // Only the title differs: without a font the two pictures would be the same.
        Assert.True(DifferentPixels(a, b) > 100, "the title's letters are drawn");
    }

    [Fact]
    public void TheChartFont_IsTheBundledDejaVuSans_WhateverTheMachineHasInstalled()
    {
        ChartFonts.EnsureRegistered();

        var regular = Fonts.GetTypeface(ChartFonts.Family, bold: false, italic: false);
        var bold = Fonts.GetTypeface(ChartFonts.Family, bold: true, italic: false);

        Assert.Equal("DejaVu Sans", regular.FamilyName);
        Assert.Equal("DejaVu Sans", bold.FamilyName);
        Assert.True(bold.IsBold);
        Assert.Equal(ChartFonts.Family, Fonts.Default);
    }

    [Fact]
    public void Render_InstantRunoffWonInTheFirstRound_DrawsTheFirstChoicesAsBars_NotADot()
    {
        var tally = SampleTallies.Ranked(VotingMethod.InstantRunoff, 2);
        var manyRounds = SampleTallies.Ranked(VotingMethod.InstantRunoff, 4);

        using var bars = SKBitmap.Decode(ResultChart.Render(tally, SampleTallies.NameOf, "Film Night")!.Png);
        using var lines = SKBitmap.Decode(ResultChart.Render(manyRounds, SampleTallies.NameOf, "Film Night")!.Png);

        Assert.Single(((InstantRunoffExplanation)tally.Explanation).Rounds);
        Assert.True(WinnerGold(bars) > 20_000, "the winner's bar is a filled gold area");
        Assert.True(WinnerGold(lines) < 20_000, "over several rounds the winner is a gold line");
    }

    [Fact]
    public void Render_NobodyVoted_DrawsNothing()
    {
        Assert.Null(ResultChart.Render(SampleTallies.NobodyVoted(VotingMethod.InstantRunoff), SampleTallies.NameOf, "Film Night"));
    }

    [Theory]
    [InlineData("Dune\u0000\u0007 Part\r\nTwo", 40, "Dune Part Two")]
    [InlineData("  \u202EsdrawkcaB\u200B  ", 40, "sdrawkcaB")]
    [InlineData("The Very Long Title That Goes On", 12, "The Very Lo…")]
    public void ChartText_DropsControlCharacters_AndCutsToLength(string text, int length, string expected)
    {
        Assert.Equal(expected, ChartText.Clean(text, length));
    }

    private static TallyResult Tally(VotingMethod method, int variant) => method is VotingMethod.Plurality or VotingMethod.Approval
        ? SampleTallies.Counted(method, 6, factor: 3 + variant)
        : SampleTallies.Ranked(method, 6 - variant);

    private static int WinnerGold(SKBitmap bitmap)
    {
        var gold = new SKColor(0xE0, 0xA1, 0x00);
        var count = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                count += bitmap.GetPixel(x, y) == gold ? 1 : 0;
            }
        }

        return count;
    }

    internal static int DistinctColours(SKBitmap bitmap)
    {
        var colours = new HashSet<SKColor>();
        for (var y = 0; y < bitmap.Height; y += 2)
        {
            for (var x = 0; x < bitmap.Width; x += 2)
            {
                colours.Add(bitmap.GetPixel(x, y));
            }
        }

        return colours.Count;
    }

    internal static int DifferentPixels(SKBitmap a, SKBitmap b)
    {
        Assert.Equal((a.Width, a.Height), (b.Width, b.Height));
        var different = 0;
        for (var y = 0; y < a.Height; y++)
        {
            for (var x = 0; x < a.Width; x++)
            {
                different += a.GetPixel(x, y) == b.GetPixel(x, y) ? 0 : 1;
            }
        }

        return different;
    }
}
