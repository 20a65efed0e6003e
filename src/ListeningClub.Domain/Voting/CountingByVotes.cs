using System.Runtime.CompilerServices;

namespace ListeningClub.Domain.Voting;

/// <summary>Plurality and approval: count each choice once, rank by the counts.</summary>
internal static class CountingByVotes
{
    public static TallyResult Count(VotingMethod method, BallotBox box, TieBreakLog tieBreaks)
    {
        var counts = CountChoices(box);

        var label = method == VotingMethod.Plurality ? "Plurality" : "Approval";
        var ranking = box.BallotCount == 0
            ? tieBreaks.Resolve("No ballots: every candidate tied", Enumerable.Range(0, box.CandidateCount), TieBreakPurpose.Win)
            : tieBreaks.RankByScore(label, Enumerable.Range(0, box.CandidateCount).ToArray(), counts, firstPlace: 1);

        var winner = ranking[0];
        var countList = new CandidateCount[box.CandidateCount];
        for (var c = 0; c < countList.Length; c++)
        {
            countList[c] = new CandidateCount(box.Candidates[c], counts[c]);
        }

        var records = tieBreaks.Records;
        var summary = box.BallotCount == 0
            ? Wording.NobodyVoted(box.Candidates[winner])
            : Summarise(method, box, counts, ranking, records);

        return new TallyResult(
            method,
            box.Candidates[winner],
            ValueList<string>.Own(Array.ConvertAll(ranking, c => box.Candidates[c])),
            box.BallotCount,
            new CountExplanation(ValueList<CandidateCount>.Own(countList), summary, NobodyVoted: box.BallotCount == 0),
            records);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a tally runs rarely: compile its hot loop fully at once, not as tier-0 code
    private static int[] CountChoices(BallotBox box)
    {
        var counts = new int[box.CandidateCount];
        foreach (var choice in box.AllChoices)
        {
            counts[choice]++;
        }

        return counts;
    }

    private static string Summarise(VotingMethod method, BallotBox box, int[] counts, int[] ranking, IReadOnlyList<TieBreakRecord> records)
    {
        var winner = box.Candidates[ranking[0]];
        var votes = counts[ranking[0]];
        var what = method == VotingMethod.Plurality
            ? $"{Wording.Plural(votes, "vote", "votes")} of {box.BallotCount} ({Wording.Percent(votes, box.BallotCount)})"
            : $"{Wording.Plural(votes, "approval", "approvals")} from {Wording.Plural(box.BallotCount, "ballot", "ballots")} ({Wording.Percent(votes, box.BallotCount)} approved)";

        var tie = records.FirstOrDefault(r => r.Purpose == TieBreakPurpose.Win);
        if (tie is null)
        {
            return $"{winner} won with {what}.";
        }

        var others = tie.Order.Where(id => id != winner).ToArray();
        return $"{winner} tied for first with {Wording.List(others)} on {what}; the tie-break chose {winner}.";
    }
}
