using System.Globalization;
using ListeningClub.Domain.Voting;
using ScottPlot;

namespace ListeningClub.Bot.Rendering.Charts;

/// <summary>Plurality and approval (and an instant-runoff won in round 1): one bar per nomination in finishing order, the winner's on top in gold, each with its count.</summary>
internal static class CountChart
{
    public static Plot Draw(TallyResult tally, CountExplanation counts, Func<string, string> name, string title)
    {
        var plot = ResultChart.NewPlot(title);
        var byId = counts.Counts.ToDictionary(c => c.CandidateId, c => c.Count, StringComparer.Ordinal);
        var ranked = tally.Ranking.Where(byId.ContainsKey).ToList();
        var n = ranked.Count;
        var bars = ranked.Select((id, place) => new Bar
        {
            Position = n - 1 - place,
            Value = byId[id],
            FillColor = id == tally.Winner ? ResultChart.Winner : ResultChart.Others,
            Label = byId[id].ToString(CultureInfo.InvariantCulture),
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        barPlot.ValueLabelStyle.FontSize = n > 12 ? 11 : 14;

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, n).Select(place => (double)(n - 1 - place))],
            [.. ranked.Select((id, place) => place == 0 ? $"★ {name(id)}" : name(id))]);
        plot.Axes.Left.TickLabelStyle.FontSize = n > 12 ? 10 : 13;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.SetLimitsX(0, Math.Max(1, byId.Values.DefaultIfEmpty(0).Max()) * 1.12);
        plot.XLabel(tally.Method switch
        {
            VotingMethod.Approval => "Approvals",
            VotingMethod.InstantRunoff => "First choices (won in round 1)",
            _ => "Votes",
        });
        return plot;
    }

    public static string Describe(TallyResult tally, CountExplanation counts, Func<string, string> name)
    {
        var byId = counts.Counts.ToDictionary(c => c.CandidateId, c => c.Count, StringComparer.Ordinal);
        var ranked = tally.Ranking.Where(byId.ContainsKey).ToList();
        var unit = tally.Method == VotingMethod.Approval ? "approvals" : "votes";
        return $"Bar chart of {unit} per nomination, most first, from {tally.BallotCount} ballot{(tally.BallotCount == 1 ? "" : "s")}: " +
            string.Join(", ", ranked.Select(id => string.Create(CultureInfo.InvariantCulture, $"{name(id)} {byId[id]}"))) + $". {name(tally.Winner)} wins.";
    }
}
