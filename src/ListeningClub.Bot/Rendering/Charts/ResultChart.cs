using ListeningClub.Domain.Voting;
using ScottPlot;

namespace ListeningClub.Bot.Rendering.Charts;

/// <summary>
/// The picture of a count: instant-runoff rounds as lines (who went out when, the winner in gold; a first-round win as
/// ranked bars of the first choices), Schulze's head-to-head
/// matrix as a heat map (the winner's row outlined), plurality and approval as ranked bars. Synchronous and CPU-bound
/// (tens of milliseconds): callers that must not wait long run it on the thread pool inside a time box.
/// </summary>
public static class ResultChart
{
    public const int Width = 1000;
    public const int Height = 600;

    /// <summary>The file name the picture is attached as (an embed shows it as <c>attachment://result.png</c>).</summary>
    public const string FileName = "result.png";

    internal static readonly Color Winner = Color.FromHex("#E0A100");
    internal static readonly Color Out = Color.FromHex("#C0392B");
    internal static readonly Color Others = Color.FromHex("#5B7DB1");

    /// <summary>The chart of <paramref name="tally"/>, or null when there is nothing to draw (nobody voted).</summary>
    /// <param name="nameOf">A candidate id's name as plain text (it is cleaned and cut here).</param>
    public static ChartPicture? Render(TallyResult tally, Func<string, string> nameOf, string title)
    {
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(nameOf);
        if (Describe(tally, nameOf) is not { } description)
        {
            return null;
        }

        var name = Names(nameOf);
        var cleanTitle = ChartText.Clean(title, ChartText.TitleLength);
        using var plot = tally.Explanation switch
        {
            // Won in the first round: nothing moved between rounds, so the first choices as ranked bars (a line of one point is a dot).
            InstantRunoffExplanation { Rounds: [var only] } irv => CountChart.Draw(tally, new CountExplanation(only.Counts, irv.Summary, irv.NobodyVoted), name, cleanTitle),
            InstantRunoffExplanation irv => RoundsChart.Draw(tally, irv, name, cleanTitle),
            SchulzeExplanation schulze => HeadToHeadChart.Draw(tally, schulze, name, cleanTitle),
            CountExplanation counts => CountChart.Draw(tally, counts, name, cleanTitle),
            _ => throw new InvalidOperationException($"No chart for {tally.Explanation.GetType().Name}."),
        };
        return new ChartPicture(plot.GetImageBytes(Width, Height, ImageFormat.Png), description);
    }

    /// <summary>What the chart of <paramref name="tally"/> shows, in words (at most <see cref="ChartPicture.MaxDescription"/>); null when there is no chart.</summary>
    public static string? Describe(TallyResult tally, Func<string, string> nameOf)
    {
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(nameOf);
        if (tally.Explanation.NobodyVoted)
        {
            return null;
        }

        var name = Names(nameOf);
        var text = tally.Explanation switch
        {
            InstantRunoffExplanation irv when irv.Rounds.Count > 0 => RoundsChart.Describe(tally, irv, name),
            SchulzeExplanation schulze when schulze.Candidates.Count > 0 => HeadToHeadChart.Describe(tally, schulze, name),
            CountExplanation counts when counts.Counts.Count > 0 => CountChart.Describe(tally, counts, name),
            _ => null,
        };
        return text is null ? null : Cut(text);
    }

    private static Func<string, string> Names(Func<string, string> nameOf) => id => ChartText.Clean(nameOf(id), ChartText.NameLength);

    /// <summary>A plot with the bundled font, a white background and the title.</summary>
    internal static Plot NewPlot(string title)
    {
        ChartFonts.EnsureRegistered();
        var plot = new Plot();
        plot.Font.Set(ChartFonts.Family);
        plot.FigureBackground.Color = Colors.White;
        plot.Title(title);
        plot.Axes.Title.Label.FontSize = 20;
        return plot;
    }

    /// <summary>A description cut to <see cref="ChartPicture.MaxDescription"/>.</summary>
    internal static string Cut(string text) =>
        text.Length <= ChartPicture.MaxDescription ? text : string.Concat(text.AsSpan(0, ChartPicture.MaxDescription - 1), "…");
}
