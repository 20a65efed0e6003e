using ListeningClub.Bot.Rendering;
using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Bot.Features.Voting;

/// <summary>How a count went, as lines: each candidate's count, each instant-runoff round, or Schulze's head-to-head results.</summary>
public static class CountLines
{
    /// <summary>The whole count, one line per candidate, round or head-to-head result.</summary>
    public static List<string> Whole(TallyResult tally, CandidateNames names, int nameLength)
    {
        string Name(string id) => names.Of(id, nameLength);
        return tally.Explanation.NobodyVoted ? [] : tally.Explanation switch
        {
            CountExplanation counts => Counts(tally, counts, Name),
            InstantRunoffExplanation irv => [.. irv.Rounds.Select(r => Round(r, Name))],
            SchulzeExplanation schulze => HeadToHead(tally, schulze, Name, all: true),
            _ => [],
        };
    }

    /// <summary>One short line per round, candidate or head-to-head result.</summary>
    public static List<string> Compact(TallyResult tally, CandidateNames names, int nameLength)
    {
        string Name(string id) => names.Of(id, nameLength);
        return tally.Explanation.NobodyVoted ? [] : tally.Explanation switch
        {
            CountExplanation counts => Counts(tally, counts, Name),
            InstantRunoffExplanation irv => [.. irv.Rounds.Select(r => ShortRound(r, Name))],
            SchulzeExplanation schulze => HeadToHead(tally, schulze, Name, all: false),
            _ => [],
        };
    }

    private static List<string> Counts(TallyResult tally, CountExplanation counts, Func<string, string> name)
    {
        var (one, many) = Unit(tally.Method);
        var byId = counts.Counts.ToDictionary(c => c.CandidateId, c => c.Count);
        return [.. tally.Ranking.Select((id, place) => $"{(place == 0 ? "🏆" : "▫️")} {name(id)}: **{Markdown.Count(byId.GetValueOrDefault(id), one, many)}**")];
    }

    private static string Round(InstantRunoffRound round, Func<string, string> name)
    {
        var standings = string.Join(" · ", round.Counts.OrderByDescending(c => c.Count).Select(c => $"{name(c.CandidateId)} {c.Count}"));
        var verdict = round.Outcome == InstantRunoffOutcome.Elected
            ? $"**{name(round.Candidate)} wins** with {round.CandidateVotes} of {round.ContinuingBallots} ({Markdown.Percent(round.ShareOfContinuing)})"
            : $"{name(round.Candidate)} out" + Transfers(round, name);
        return $"**Round {round.Number}:** {standings} → {verdict}";
    }

    private static string Transfers(InstantRunoffRound round, Func<string, string> name)
    {
        var moved = round.Transfers.Where(t => t.Count > 0).Select(t => $"+{t.Count} {name(t.CandidateId)}").ToList();
        if (round.ExhaustedByTransfer > 0)
        {
            moved.Add($"{round.ExhaustedByTransfer} exhausted");
        }

        return moved.Count == 0 ? "" : $"; their ballots went {string.Join(", ", moved)}";
    }

    /// <summary>"3. Chattanooga out (15) → 15 to Knoxville": who went out with how many, and where most of their ballots went.</summary>
    private static string ShortRound(InstantRunoffRound round, Func<string, string> name)
    {
        if (round.Outcome == InstantRunoffOutcome.Elected)
        {
            return $"{round.Number}\\. **{name(round.Candidate)}** wins with {round.CandidateVotes} of {round.ContinuingBallots}";
        }

        var moved = round.Transfers.Where(t => t.Count > 0).OrderByDescending(t => t.Count).ToList();
        var line = $"{round.Number}\\. {name(round.Candidate)} out ({round.CandidateVotes})";
        return moved.Count == 0
            ? line + (round.ExhaustedByTransfer > 0 ? $" → {round.ExhaustedByTransfer} exhausted" : "")
            : line + $" → {moved[0].Count} to {name(moved[0].CandidateId)}" + (moved.Count > 1 ? $", {moved.Count - 1} more" : "");
    }

    /// <summary>The winner against each other nomination (all, or only the ones it beats), then the finishing order.</summary>
    private static List<string> HeadToHead(TallyResult tally, SchulzeExplanation schulze, Func<string, string> name, bool all)
    {
        var winner = tally.Winner;
        var lines = new List<string>
        {
            schulze.WinnerPairwiseWins.Count == schulze.Candidates.Count - 1
                ? $"**{name(winner)}** beats every other nomination head to head:"
                : $"**{name(winner)}** has the strongest chain of head-to-head wins:",
        };
        foreach (var other in schulze.Candidates.Where(c => c != winner))
        {
            var (won, lost) = (schulze.Pairwise[winner, other], schulze.Pairwise[other, winner]);
            lines.Add(won > lost ? $"▫️ beats {name(other)} {won}–{lost}" : won < lost ? $"▫️ loses to {name(other)} {won}–{lost}" : $"▫️ ties with {name(other)} {won}–{lost}");
        }

        var order = all ? tally.Ranking : tally.Ranking.Take(5);
        if (tally.Ranking.Count > 1)
        {
            lines.Add("Final order: " + string.Join(" › ", order.Select(name)) + (tally.Ranking.Count > order.Count() ? " › …" : ""));
        }

        return lines;
    }

    /// <summary>What one ballot's mark is called under the method.</summary>
    public static (string One, string Many) Unit(VotingMethod method) =>
        method == VotingMethod.Approval ? ("approval", "approvals") : ("vote", "votes");
}

/// <summary>Each candidate's name as members see it, escaped and cut to the length a line allows.</summary>
public sealed class CandidateNames(IReadOnlyList<Nomination> candidates)
{
    private readonly Dictionary<string, string> _names = candidates.ToDictionary(n => n.CandidateId, n => n.Media.DisplayName);

    public string Of(string id, int maxLength) => _names.TryGetValue(id, out var name) ? Markdown.Text(name, maxLength) : "(withdrawn)";
}
