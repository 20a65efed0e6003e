using ListeningClub.Domain.Voting;
using static ListeningClub.Domain.Tests.Voting.Election;

namespace ListeningClub.Domain.Tests.Voting;

public sealed class PluralityAndApprovalTests
{
    private static readonly string[] Abc = ["A", "B", "C"];

    [Fact]
    public void Plurality_TieForFirst_GoesToTheFirstInTieBreakOrder_AndIsRecorded()
    {
        var result = Count(VotingMethod.Plurality, Abc, BallotsOf(Times(3, "A"), Times(3, "B"), Times(1, "C")));

        var expectedOrder = ReferenceOrder(SeedHex, ["A", "B"]);
        Assert.Equal(expectedOrder[0], result.Winner);
        Assert.Equal([.. expectedOrder, "C"], result.Ranking);
        var record = Assert.Single(result.TieBreaks);
        Assert.Equal(new TieBreakRecord("Plurality: tie for first place", ["A", "B"], expectedOrder, expectedOrder[0], TieBreakPurpose.Win), record);
        Assert.True(result.WinnerDecidedByTieBreak);
        Assert.Equal(
            $"{expectedOrder[0]} tied for first with {expectedOrder[1]} on 3 votes of 7 (42.9%); the tie-break chose {expectedOrder[0]}.",
            result.Explanation.Summary);
    }

    [Fact]
    public void Plurality_TieBelowFirst_IsRecordedAsAPlace_NotAsTheWin()
    {
        var result = Count(VotingMethod.Plurality, Abc, BallotsOf(Times(5, "A"), Times(2, "B"), Times(2, "C")));

        var expectedOrder = ReferenceOrder(SeedHex, ["B", "C"]);
        Assert.Equal("A", result.Winner);
        Assert.Equal(["A", .. expectedOrder], result.Ranking);
        var record = Assert.Single(result.TieBreaks);
        Assert.Equal("Plurality: tie for places 2–3", record.Stage);
        Assert.Equal(TieBreakPurpose.Place, record.Purpose);
        Assert.False(result.WinnerDecidedByTieBreak);
    }

    [Fact]
    public void Plurality_NoBallots_EveryCandidateTies_AndTheExplanationSaysNobodyVoted()
    {
        var result = Count(VotingMethod.Plurality, Abc, []);

        var expectedOrder = ReferenceOrder(SeedHex, Abc);
        Assert.Equal(expectedOrder[0], result.Winner);
        Assert.Equal(expectedOrder, result.Ranking);
        Assert.Equal(0, result.BallotCount);
        Assert.True(result.Explanation.NobodyVoted);
        Assert.StartsWith("Nobody voted", result.Explanation.Summary, StringComparison.Ordinal);
        Assert.All(Assert.IsType<CountExplanation>(result.Explanation).Counts, c => Assert.Equal(0, c.Count));
        var record = Assert.Single(result.TieBreaks);
        Assert.Equal(["A", "B", "C"], record.Tied);
        Assert.Equal(TieBreakPurpose.Win, record.Purpose);
    }

    [Fact]
    public void Plurality_SingleCandidateNoBallots_WinsWithoutATieBreak()
    {
        var result = Count(VotingMethod.Plurality, ["A"], []);

        Assert.Equal("A", result.Winner);
        Assert.Empty(result.TieBreaks);
        Assert.True(result.Explanation.NobodyVoted);
    }

    [Fact]
    public void Approval_CountsEveryApproval_AndEmptyBallotsStillCountAsBallots()
    {
        var result = Count(VotingMethod.Approval, Abc, BallotsOf(Times(2, "A,B"), Times(1, "B,C"), Times(1, "C"), Times(2, "")));

        Assert.Equal("B", result.Winner);
        Assert.Equal(6, result.BallotCount);
        Assert.Equal(
            new Dictionary<string, int> { ["A"] = 2, ["B"] = 3, ["C"] = 2 },
            Assert.IsType<CountExplanation>(result.Explanation).Counts.ToDictionary());
        Assert.Equal(["B", .. ReferenceOrder(SeedHex, ["A", "C"])], result.Ranking);
        Assert.Equal("B won with 3 approvals from 6 ballots (50% approved).", result.Explanation.Summary);
    }

    [Fact]
    public void Approval_ThreeWayTieForFirst_UsesTheTieBreakOrderForAllThreePlaces()
    {
        var result = Count(VotingMethod.Approval, Abc, BallotsOf(Times(1, "A,B,C")));

        Assert.Equal(ReferenceOrder(SeedHex, Abc), result.Ranking);
        Assert.Equal(ReferenceOrder(SeedHex, Abc)[0], Assert.Single(result.TieBreaks).Chosen);
    }
}
