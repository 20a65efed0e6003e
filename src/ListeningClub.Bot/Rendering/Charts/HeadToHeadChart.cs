using System.Globalization;
using ListeningClub.Domain.Voting;
using ScottPlot;

namespace ListeningClub.Bot.Rendering.Charts;

/// <summary>Schulze: the head-to-head matrix as a heat map (cell: ballots preferring the row over the column), the winner's row outlined in gold.</summary>
internal static class HeadToHeadChart
{
    /// <summary>Up to this many nominations, each cell shows its number.</summary>
    private const int NumberedUpTo = 12;

    public static Plot Draw(TallyResult tally, SchulzeExplanation schulze, Func<string, string> name, string title)
    {
        var plot = ResultChart.NewPlot(title);
        var ids = schulze.Candidates;
        var n = ids.Count;
        var winner = schulze.Pairwise.IndexOf(tally.Winner);

        // Row 0 of the data is drawn at the top: the first candidate's row is the top row, as in the text count.
        var cells = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                cells[i, j] = i == j ? double.NaN : schulze.Pairwise[i, j];
            }
        }

        var heatmap = plot.Add.Heatmap(cells);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.Rectangle = new CoordinateRect(-0.5, n - 0.5, -0.5, n - 0.5);
        heatmap.NaNCellColor = Colors.LightGray;
        plot.Add.ColorBar(heatmap).Label = "ballots preferring the row over the column";

        if (n <= NumberedUpTo)
        {
            var most = Math.Max(1, cells.Cast<double>().Where(v => !double.IsNaN(v)).DefaultIfEmpty(0).Max());
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    if (i != j)
                    {
                        var label = plot.Add.Text(cells[i, j].ToString("0", CultureInfo.InvariantCulture), j, RowY(i, n));
                        label.LabelAlignment = Alignment.MiddleCenter;
                        label.LabelFontSize = n <= 6 ? 18 : 13;
                        label.LabelFontColor = cells[i, j] > most * 0.6 ? Colors.Black : Colors.White;
                    }
                }
            }
        }

        var mark = plot.Add.Rectangle(-0.5, n - 0.5, RowY(winner, n) - 0.5, RowY(winner, n) + 0.5);
        mark.FillStyle.Color = Colors.Transparent;
        mark.LineStyle.Color = ResultChart.Winner;
        mark.LineStyle.Width = 5;

        var positions = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        string Label(int i) => i == winner ? $"★ {name(ids[i])}" : name(ids[i]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. positions.Select(p => RowY((int)p, n))], [.. Enumerable.Range(0, n).Select(Label)]);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, [.. Enumerable.Range(0, n).Select(i => name(ids[i]))]);
        plot.Axes.Bottom.TickLabelStyle.Rotation = -35;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.Bottom.TickLabelStyle.FontSize = n > NumberedUpTo ? 10 : 12;
        plot.Axes.Left.TickLabelStyle.FontSize = n > NumberedUpTo ? 10 : 12;
        plot.Axes.Bottom.MinimumSize = 30 + (7 * Math.Min(ChartText.NameLength, ids.Max(id => name(id).Length)));
        plot.Axes.SetLimits(-0.5, n - 0.5, -0.5, n - 0.5);
        return plot;
    }

    private static double RowY(int row, int n) => n - 1 - row;

    public static string Describe(TallyResult tally, SchulzeExplanation schulze, Func<string, string> name)
    {
        var beaten = schulze.WinnerPairwiseWins.Count;
        var others = schulze.Candidates.Count - 1;
        return $"Heat map of the head-to-head count among {schulze.Candidates.Count} nominations: each cell is the number of ballots " +
            $"preferring the row's nomination over the column's (brighter is more). The winner's row, {name(tally.Winner)}, is outlined: " +
            $"it beats {beaten} of the other {others} head to head" +
            (schulze.WinnerPairwiseWins.Count == 0 ? "." : ": " + string.Join(", ", schulze.WinnerPairwiseWins.Select(w => string.Create(CultureInfo.InvariantCulture, $"{name(w.Opponent)} {w.For}–{w.Against}"))) + ".");
    }
}
