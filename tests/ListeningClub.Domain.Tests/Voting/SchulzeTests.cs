using ListeningClub.Domain.Voting;
using static ListeningClub.Domain.Tests.Voting.Election;

namespace ListeningClub.Domain.Tests.Voting;

public sealed class SchulzeTests
{
    private static readonly string[] Abc = ["A", "B", "C"];

    [Fact]
    public void CycleOfFiveCandidates_StrongestPathsDecide()
    {
        // A well-known 45-voter example with a Condorcet cycle; its Schulze order is E > A > C > B > D.
        string[] candidates = ["A", "B", "C", "D", "E"];
        var ballots = BallotsOf(
            Times(5, "A>C>B>E>D"),
            Times(5, "A>D>E>C>B"),
            Times(8, "B>E>D>A>C"),
            Times(3, "C>A>B>E>D"),
            Times(7, "C>A>E>B>D"),
            Times(2, "C>B>A>D>E"),
            Times(7, "D>C>E>B>A"),
            Times(8, "E>B>A>D>C"));

        var result = Count(VotingMethod.Schulze, candidates, ballots);

        Assert.Equal("E", result.Winner);
        Assert.Equal(["E", "A", "C", "B", "D"], result.Ranking);
        Assert.Empty(result.TieBreaks);
        var explanation = Assert.IsType<SchulzeExplanation>(result.Explanation);
        Assert.Equal(20, explanation.Pairwise["A", "B"]);
        Assert.Equal(25, explanation.Pairwise["B", "A"]);
        Assert.Equal(28, explanation.StrongestPaths["A", "B"]);
        Assert.Equal(25, explanation.StrongestPaths["E", "A"]);
        Assert.Equal(24, explanation.StrongestPaths["A", "E"]);
        Assert.Equal("E beats every other candidate by strongest paths.", explanation.Summary);
    }

    [Fact]
    public void PartialRankings_PutRankedAboveUnranked_AndUnrankedEqual()
    {
        var result = Count(VotingMethod.Schulze, Abc, BallotsOf(Times(1, "A"), Times(1, "B>A")));

        var d = Assert.IsType<SchulzeExplanation>(result.Explanation).Pairwise;
        Assert.Equal((1, 1), (d["A", "B"], d["B", "A"]));
        Assert.Equal((2, 0), (d["A", "C"], d["C", "A"]));
        Assert.Equal((1, 0), (d["B", "C"], d["C", "B"]));
        // A and B are level head to head and both beat C, so A and B tie for first.
        var order = ReferenceOrder(SeedHex, ["A", "B"]);
        Assert.Equal([.. order, "C"], result.Ranking);
        Assert.Equal(TieBreakPurpose.Win, Assert.Single(result.TieBreaks).Purpose);
    }

    [Fact]
    public void TieForFirst_TheTieBreakChooses_AndTheRecordSaysSo()
    {
        var result = Count(VotingMethod.Schulze, Abc, BallotsOf(Times(1, "A>B>C"), Times(1, "B>A>C")));

        var order = ReferenceOrder(SeedHex, ["A", "B"]);
        Assert.Equal(order[0], result.Winner);
        Assert.Equal([.. order, "C"], result.Ranking);
        var record = Assert.Single(result.TieBreaks);
        Assert.Equal(new TieBreakRecord("Schulze: tie for first place", ["A", "B"], order, order[0], TieBreakPurpose.Win), record);
        Assert.Contains("the tie-break chose", result.Explanation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void TieBelowTheWinner_IsRecordedAsAPlace()
    {
        var result = Count(VotingMethod.Schulze, Abc, BallotsOf(Times(1, "A>B>C"), Times(1, "A>C>B")));

        Assert.Equal("A", result.Winner);
        Assert.Equal(["A", .. ReferenceOrder(SeedHex, ["B", "C"])], result.Ranking);
        Assert.Equal("Schulze: tie for places 2–3", Assert.Single(result.TieBreaks).Stage);
        Assert.Equal([new PairwiseWin("B", 2, 0), new PairwiseWin("C", 2, 0)], Assert.IsType<SchulzeExplanation>(result.Explanation).WinnerPairwiseWins);
    }

    [Fact]
    public void NoBallots_AllZeroMatrices_AndTheTieBreakDecides()
    {
        var result = Count(VotingMethod.Schulze, Abc, []);

        Assert.Equal(ReferenceOrder(SeedHex, Abc), result.Ranking);
        var explanation = Assert.IsType<SchulzeExplanation>(result.Explanation);
        Assert.True(explanation.NobodyVoted);
        Assert.Equal(new CandidateMatrix(Abc, new int[3, 3]), explanation.Pairwise);
        Assert.Empty(explanation.WinnerPairwiseWins);
        Assert.Equal("No ballots: every candidate tied", Assert.Single(result.TieBreaks).Stage);
    }
}
