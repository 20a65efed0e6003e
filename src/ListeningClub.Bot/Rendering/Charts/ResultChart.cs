using ListeningClub.Domain.Voting;
using ScottPlot;

namespace ListeningClub.Bot.Rendering.Charts;

/// <summary>
/// The picture of a count: instant-runoff rounds as lines (who went out when, the winner in gold), Schulze's head-to-head
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
        if (tally.Explanation.NobodyVoted)
        {
            return null;
        }

        string Name(string id) => ChartText.Clean(nameOf(id), ChartText.NameLength);
        var cleanTitle = ChartText.Clean(title, ChartText.TitleLength);
        return tally.Explanation switch
        {
            InstantRunoffExplanation irv when irv.Rounds.Count > 0 => RoundsChart.Render(tally, irv, Name, cleanTitle),
            SchulzeExplanation schulze when schulze.Candidates.Count > 0 => HeadToHeadChart.Render(tally, schulze, Name, cleanTitle),
            CountExplanation counts when counts.Counts.Count > 0 => CountChart.Render(tally, counts, Name, cleanTitle),
            _ => null,
        };
    }

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

    internal static ChartPicture Finish(Plot plot, string description) =>
        new(plot.GetImageBytes(Width, Height, ImageFormat.Png), Cut(description));

    private static string Cut(string text) =>
        text.Length <= ChartPicture.MaxDescription ? text : string.Concat(text.AsSpan(0, ChartPicture.MaxDescription - 1), "…");
}
