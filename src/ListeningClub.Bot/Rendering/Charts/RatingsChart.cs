using System.Globalization;
using ListeningClub.Application.History;
using ListeningClub.Domain.Ratings;
using ScottPlot;

namespace ListeningClub.Bot.Rendering.Charts;

/// <summary>The season's most divisive pick, named under a ratings chart: its name as plain text, the spread of its ratings, the season's name.</summary>
public sealed record DivisiveNote(string Name, double Spread, string Season);

/// <summary>
/// The picture of a pick's revealed ratings: how many members gave each score from 1 to 10, the mean and the median as
/// lines, and, when the season has one, its most divisive pick. Synchronous and CPU-bound, like <see cref="ResultChart"/>.
/// </summary>
public static class RatingsChart
{
    /// <summary>The file name the picture is attached as (the reveal's embed shows it as <c>attachment://ratings.png</c>).</summary>
    public const string FileName = "ratings.png";

    public const int Width = ResultChart.Width;
    public const int Height = ResultChart.Height;

    private static readonly Color Mean = Color.FromHex("#C0392B");
    private static readonly Color Median = Color.FromHex("#1E8449");

    /// <summary>The chart of a revealed pick's ratings, with its season's most divisive pick; null while sealed or when nobody rated.</summary>
    public static ChartPicture? Render(TrackHistory track, CycleHistory cycle) =>
        Inputs(track, cycle) is { } inputs ? Render(inputs.Scores, inputs.Title, inputs.Divisive) : null;

    /// <summary>What <see cref="Render(TrackHistory, CycleHistory)"/> draws, in words; null when it draws nothing.</summary>
    public static string? Describe(TrackHistory track, CycleHistory cycle) =>
        Inputs(track, cycle) is { } inputs ? Describe(inputs.Scores, inputs.Divisive) : null;

    /// <summary>The chart of <paramref name="scores"/>, or null when nobody rated.</summary>
    public static ChartPicture? Render(IReadOnlyList<int> scores, string title, DivisiveNote? divisive)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (Describe(scores, divisive) is not { } description)
        {
            return null;
        }

        var summary = RatingSummary.Of(scores)!;
        using var plot = ResultChart.NewPlot(ChartText.Clean(title, ChartText.TitleLength));
        var counts = Enumerable.Range(Rating.MinScore, Rating.MaxScore - Rating.MinScore + 1).Select(score => (Score: score, Count: scores.Count(s => s == score))).ToList();
        var bars = plot.Add.Bars(counts.Select(c => new Bar
        {
            Position = c.Score,
            Value = c.Count,
            FillColor = ResultChart.Others,
            Label = c.Count > 0 ? c.Count.ToString(CultureInfo.InvariantCulture) : "",
        }).ToList());
        bars.ValueLabelStyle.FontSize = 16;

        var mean = plot.Add.VerticalLine(summary.Mean, 3, Mean);
        mean.LegendText = string.Create(CultureInfo.InvariantCulture, $"mean {summary.Mean:0.0}");
        var median = plot.Add.VerticalLine(summary.Median, 3, Median, LinePattern.Dashed);
        median.LegendText = string.Create(CultureInfo.InvariantCulture, $"median {summary.Median:0.#}");
        plot.ShowLegend(Alignment.UpperLeft);

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. counts.Select(c => (double)c.Score)], [.. counts.Select(c => c.Score.ToString(CultureInfo.InvariantCulture))]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.SetLimits(Rating.MinScore - 0.6, Rating.MaxScore + 0.6, 0, Math.Max(1, counts.Max(c => c.Count)) * 1.18);
        plot.YLabel("Members");
        plot.XLabel(divisive is null
            ? "Score"
            : string.Create(CultureInfo.InvariantCulture, $"Score · most divisive of {divisive.Season}: {ChartText.Clean(divisive.Name, ChartText.NameLength)} (±{divisive.Spread:0.0})"));
        return new ChartPicture(plot.GetImageBytes(Width, Height, ImageFormat.Png), description);
    }

    private static (IReadOnlyList<int> Scores, string Title, DivisiveNote? Divisive)? Inputs(TrackHistory track, CycleHistory cycle)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(cycle);
        if (cycle.Pick is not { } pick || cycle.Ratings is not { Count: > 0 } ratings || track.SeasonOf(cycle) is not { } season)
        {
            return null;
        }

        var divisive = track.MostDivisiveOf(season) is { } most
            ? new DivisiveNote(most.Cycle.Pick!.Media.DisplayName, most.Summary.StandardDeviation, season.ToString(CultureInfo.InvariantCulture))
            : null;
        return ([.. ratings.Select(r => r.Score)], $"{track.Track.Name}: {pick.Media.DisplayName} — ratings", divisive);
    }

    /// <summary>What the chart shows, in words; null when nobody rated.</summary>
    public static string? Describe(IReadOnlyList<int> scores, DivisiveNote? divisive)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (RatingSummary.Of(scores) is not { } summary)
        {
            return null;
        }

        var given = scores.GroupBy(s => s).OrderByDescending(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key}/10 × {g.Count()}"));
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"Bar chart of {summary.Count} rating{(summary.Count == 1 ? "" : "s")} by score: {string.Join(", ", given)}. Mean {summary.Mean:0.0}, median {summary.Median:0.#}.");
        if (divisive is not null)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" Most divisive pick of {divisive.Season}: {ChartText.Clean(divisive.Name, ChartText.NameLength)} (spread ±{divisive.Spread:0.0}).");
        }

        return ResultChart.Cut(text);
    }
}
