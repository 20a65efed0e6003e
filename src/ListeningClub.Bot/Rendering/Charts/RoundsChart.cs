using System.Globalization;
using System.Text;
using ListeningClub.Domain.Voting;
using ScottPlot;

namespace ListeningClub.Bot.Rendering.Charts;

/// <summary>Instant-runoff: one line per nomination through the rounds it took part in, a red cross where it went out, the winner's line in gold.</summary>
internal static class RoundsChart
{
    public static Plot Draw(TallyResult tally, InstantRunoffExplanation irv, Func<string, string> name, string title)
    {
        var plot = ResultChart.NewPlot(title);
        var rounds = irv.Rounds;
        var order = tally.Ranking.Select((id, place) => (id, place)).ToDictionary(p => p.id, p => p.place, StringComparer.Ordinal);
        var candidates = rounds[0].Counts.Select(c => c.CandidateId).OrderBy(id => order.GetValueOrDefault(id, int.MaxValue)).ToList();
        var palette = new ScottPlot.Palettes.Category20();
        var outIn = rounds.Where(r => r.Outcome == InstantRunoffOutcome.Eliminated).ToDictionary(r => r.Candidate, r => r, StringComparer.Ordinal);

        for (var k = 0; k < candidates.Count; k++)
        {
            var id = candidates[k];
            var points = rounds.SelectMany(r => r.Counts.Where(c => c.CandidateId == id).Select(c => (X: (double)r.Number, Y: (double)c.Count))).ToList();
            var won = id == tally.Winner;
            var line = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray());
            line.Color = won ? ResultChart.Winner : palette.GetColor(k).WithAlpha(0.75);
            line.LineWidth = won ? 5 : 2;
            line.MarkerSize = won ? 9 : 5;
            line.LegendText = won ? $"{name(id)} (wins)" : outIn.TryGetValue(id, out var gone) ? $"{name(id)} (out, round {gone.Number})" : name(id);
            if (outIn.TryGetValue(id, out var round))
            {
                plot.Add.Marker(round.Number, round.CandidateVotes, MarkerShape.Eks, 14, ResultChart.Out);
            }
        }

        var numbers = rounds.Select(r => (double)r.Number).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(numbers, [.. rounds.Select(r => r.Number.ToString(CultureInfo.InvariantCulture))]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.XLabel("Round");
        plot.YLabel("Ballots counting for the nomination");
        plot.Axes.SetLimitsX(0.7, rounds.Count + 0.3);
        plot.Axes.SetLimitsY(0, Math.Max(1, rounds.Max(r => r.Counts.Count == 0 ? 0 : r.Counts.Max(c => c.Count))) * 1.08);
        plot.ShowLegend(Edge.Right);
        plot.Legend.FontSize = candidates.Count > 12 ? 11 : 13;
        return plot;
    }

    public static string Describe(TallyResult tally, InstantRunoffExplanation irv, Func<string, string> name)
    {
        var last = irv.Rounds[^1];
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"Line chart of the instant-runoff count, {irv.Rounds.Count} round{(irv.Rounds.Count == 1 ? "" : "s")}: the ballots counting for each nomination in each round. ");
        text.Append(CultureInfo.InvariantCulture, $"{name(tally.Winner)} wins in round {last.Number} with {last.CandidateVotes} of {last.ContinuingBallots}.");
        var eliminated = irv.Rounds.Where(r => r.Outcome == InstantRunoffOutcome.Eliminated).ToList();
        if (eliminated.Count > 0)
        {
            text.Append(" Out, in order: ").AppendJoin(", ", eliminated.Select(r => string.Create(CultureInfo.InvariantCulture, $"{name(r.Candidate)} (round {r.Number}, {r.CandidateVotes})"))).Append('.');
        }

        return text.ToString();
    }
}
