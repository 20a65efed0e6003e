using ListeningClub.Domain.Voting;
using static ListeningClub.Domain.Tests.Voting.Election;

namespace ListeningClub.Domain.Tests.Voting;

public sealed class InstantRunoffTests
{
    private static readonly string[] Abc = ["A", "B", "C"];

    [Fact]
    public void ExhaustedBallots_LeaveTheMajority_OfContinuingBallotsOnly()
    {
        // C's voters rank nobody else, so when C goes their ballots are exhausted and A's 4 of the remaining 7 is a majority.
        var result = Count(VotingMethod.InstantRunoff, Abc, BallotsOf(Times(4, "A"), Times(3, "B>A"), Times(2, "C")));

        Assert.Equal("A", result.Winner);
        Assert.Equal(["A", "B", "C"], result.Ranking);
        var rounds = Assert.IsType<InstantRunoffExplanation>(result.Explanation).Rounds;
        Assert.Equal(2, rounds.Count);
        Assert.Equal(("C", 2, 9), (rounds[0].Candidate, rounds[0].ExhaustedByTransfer, rounds[0].ContinuingBallots));
        Assert.Equal([new("A", 0), new("B", 0)], rounds[0].Transfers);
        Assert.Equal((7, 2, InstantRunoffOutcome.Elected, 4), (rounds[1].ContinuingBallots, rounds[1].ExhaustedBallots, rounds[1].Outcome, rounds[1].CandidateVotes));
        Assert.Equal(4.0 / 7, rounds[1].ShareOfContinuing, precision: 10);
    }

    [Fact]
    public void PartialRankings_TransferToTheNextContinuingChoice_SkippingEliminatedOnes()
    {
        var result = Count(
            VotingMethod.InstantRunoff,
            ["A", "B", "C", "D"],
            BallotsOf(Times(5, "A"), Times(4, "B"), Times(2, "C>D>B"), Times(1, "D>C>B")));

        // Round 1: A 5, B 4, C 2, D 1 → D eliminated, its ballot moves to C (3).
        // Round 2: A 5, B 4, C 3 → C eliminated, its 3 ballots skip the eliminated D and go to B (7).
        // Round 3: A 5, B 7 → B wins 7 of 12.
        var rounds = Assert.IsType<InstantRunoffExplanation>(result.Explanation).Rounds;
        Assert.Equal(["D", "C", "B"], rounds.Select(r => r.Candidate));
        Assert.Equal(new Dictionary<string, int> { ["A"] = 0, ["B"] = 0, ["C"] = 1 }, rounds[0].Transfers.ToDictionary());
        Assert.Equal(new Dictionary<string, int> { ["A"] = 0, ["B"] = 3 }, rounds[1].Transfers.ToDictionary());
        Assert.Equal("B", result.Winner);
        Assert.Equal(["B", "A", "C", "D"], result.Ranking);
    }

    [Fact]
    public void TieForLastPlace_EliminatesTheLastInTieBreakOrder()
    {
        // B and C tie for last; whoever survives takes the other's 2 ballots and wins 4 of 7 against A.
        var result = Count(VotingMethod.InstantRunoff, Abc, BallotsOf(Times(3, "A"), Times(2, "B>C"), Times(2, "C>B")));

        var order = ReferenceOrder(SeedHex, ["B", "C"]);
        var record = Assert.Single(result.TieBreaks);
        Assert.Equal(new TieBreakRecord("Round 1: tie for last place", ["B", "C"], order, order[1], TieBreakPurpose.Elimination), record);

        var rounds = Assert.IsType<InstantRunoffExplanation>(result.Explanation).Rounds;
        Assert.Equal(order[1], rounds[0].Candidate);
        Assert.Equal(new Dictionary<string, int> { ["A"] = 3, [order[0]] = 4 }, rounds[1].Counts.ToDictionary());
        Assert.Equal(order[0], result.Winner);
        Assert.Equal([order[0], "A", order[1]], result.Ranking);
        Assert.False(result.WinnerDecidedByTieBreak); // an elimination tie, not a tie for the win
    }

    [Fact]
    public void LastTwoTied_TheTieBreakPicksTheWinner()
    {
        // C's voter ranks only C, so after C goes A and B are tied 3–3.
        var result = Count(VotingMethod.InstantRunoff, Abc, BallotsOf(Times(3, "A"), Times(3, "B"), Times(1, "C")));

        var order = ReferenceOrder(SeedHex, ["A", "B"]);
        Assert.Equal(order[0], result.Winner);
        Assert.Equal([order[0], order[1], "C"], result.Ranking);
        var record = Assert.Single(result.TieBreaks);
        Assert.Equal(("Round 2: the last two candidates tied", TieBreakPurpose.Win, order[0]), (record.Stage, record.Purpose, record.Chosen));
        var final = Assert.IsType<InstantRunoffExplanation>(result.Explanation).Rounds[^1];
        Assert.Equal((InstantRunoffOutcome.Elected, 0.5), (final.Outcome, final.ShareOfContinuing));
        Assert.Contains("the tie-break chose", result.Explanation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void MajorityInTheFirstRound_RanksTheRunnersUpByVotes_WithTiesRecordedAsPlaces()
    {
        var result = Count(VotingMethod.InstantRunoff, ["A", "B", "C", "D"], BallotsOf(Times(6, "A"), Times(2, "B"), Times(2, "C"), Times(1, "D")));

        var order = ReferenceOrder(SeedHex, ["B", "C"]);
        Assert.Equal(["A", .. order, "D"], result.Ranking);
        var record = Assert.Single(result.TieBreaks);
        Assert.Equal(("Round 1, final standings: tie for places 2–3", TieBreakPurpose.Place), (record.Stage, record.Purpose));
        Assert.Single(Assert.IsType<InstantRunoffExplanation>(result.Explanation).Rounds);
    }

    [Fact]
    public void EmptyRankings_AreExhaustedFromTheFirstRound()
    {
        var result = Count(VotingMethod.InstantRunoff, Abc, BallotsOf(Times(3, "A>B"), Times(2, "B"), Times(4, "")));

        Assert.Equal(9, result.BallotCount);
        var first = Assert.IsType<InstantRunoffExplanation>(result.Explanation).Rounds[0];
        Assert.Equal((5, 4), (first.ContinuingBallots, first.ExhaustedBallots));
        Assert.Equal("A", result.Winner); // 3 of 5 continuing
    }

    [Fact]
    public void EveryBallotEmpty_TheTieBreakEliminatesFromTheBackAndElectsTheFirst()
    {
        var result = Count(VotingMethod.InstantRunoff, Abc, BallotsOf(Times(2, "")));

        var order = ReferenceOrder(SeedHex, Abc);
        Assert.Equal(order[0], result.Winner);
        Assert.Equal(order, result.Ranking);
        Assert.Equal([TieBreakPurpose.Elimination, TieBreakPurpose.Win], result.TieBreaks.Select(t => t.Purpose));
        Assert.False(result.Explanation.NobodyVoted);
    }

    [Fact]
    public void NoBallots_TheTieBreakDecides_WithNoRounds()
    {
        var result = Count(VotingMethod.InstantRunoff, Abc, []);

        Assert.Equal(ReferenceOrder(SeedHex, Abc), result.Ranking);
        Assert.Empty(Assert.IsType<InstantRunoffExplanation>(result.Explanation).Rounds);
        Assert.True(result.Explanation.NobodyVoted);
        Assert.Equal("No ballots: every candidate tied", Assert.Single(result.TieBreaks).Stage);
    }

    [Fact]
    public void SingleCandidate_IsElectedInTheFirstRound()
    {
        var result = Count(VotingMethod.InstantRunoff, ["A"], BallotsOf(Times(1, ""), Times(1, "A")));

        Assert.Equal("A", result.Winner);
        var round = Assert.Single(Assert.IsType<InstantRunoffExplanation>(result.Explanation).Rounds);
        Assert.Equal((InstantRunoffOutcome.Elected, 1, 1), (round.Outcome, round.CandidateVotes, round.ExhaustedBallots));
    }

    [Fact]
    public void Result_DoesNotDependOnWhichSeedWhenThereAreNoTies()
    {
        var ballots = BallotsOf(Times(4, "A>B"), Times(3, "B>C"), Times(2, "C>B"));

        var one = Count(VotingMethod.InstantRunoff, Abc, ballots, FixedTieBreaker());
        var other = Count(VotingMethod.InstantRunoff, Abc, ballots, FixedTieBreaker(new string('f', 64)));

        Assert.Equal(one, other);
        Assert.Equal("B", one.Winner); // C goes, its 2 move to B: 5 of 9
    }
}
