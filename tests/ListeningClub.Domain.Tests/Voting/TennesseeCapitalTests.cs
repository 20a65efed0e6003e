using ListeningClub.Domain.Voting;
using static ListeningClub.Domain.Tests.Voting.Election;

namespace ListeningClub.Domain.Tests.Voting;

/// <summary>
/// The classic example: Tennessee choosing a capital, voters ranking by distance from home.
/// 42% Memphis, 26% Nashville, 15% Chattanooga, 17% Knoxville.
/// </summary>
public sealed class TennesseeCapitalTests
{
    private static readonly string[] Cities = ["Memphis", "Nashville", "Chattanooga", "Knoxville"];

    private static readonly IReadOnlyList<IReadOnlyList<string>> Rankings = BallotsOf(
        Times(42, "Memphis>Nashville>Chattanooga>Knoxville"),
        Times(26, "Nashville>Chattanooga>Knoxville>Memphis"),
        Times(15, "Chattanooga>Knoxville>Nashville>Memphis"),
        Times(17, "Knoxville>Chattanooga>Nashville>Memphis"));

    [Fact]
    public void Plurality_Memphis()
    {
        var firstChoices = BallotsOf(Times(42, "Memphis"), Times(26, "Nashville"), Times(15, "Chattanooga"), Times(17, "Knoxville"));

        var result = Count(VotingMethod.Plurality, Cities, firstChoices);

        Assert.Equal("Memphis", result.Winner);
        Assert.Equal(["Memphis", "Nashville", "Knoxville", "Chattanooga"], result.Ranking);
        Assert.Equal(100, result.BallotCount);
        var explanation = Assert.IsType<CountExplanation>(result.Explanation);
        Assert.Equal(
            [new("Memphis", 42), new("Nashville", 26), new("Chattanooga", 15), new("Knoxville", 17)],
            explanation.Counts);
        Assert.Equal("Memphis won with 42 votes of 100 (42%).", explanation.Summary);
        Assert.Empty(result.TieBreaks);
    }

    [Fact]
    public void InstantRunoff_Knoxville_AfterChattanoogaThenNashvilleAreEliminated()
    {
        var result = Count(VotingMethod.InstantRunoff, Cities, Rankings);

        Assert.Equal("Knoxville", result.Winner);
        Assert.Equal(["Knoxville", "Memphis", "Nashville", "Chattanooga"], result.Ranking);
        Assert.Empty(result.TieBreaks);

        var rounds = Assert.IsType<InstantRunoffExplanation>(result.Explanation).Rounds;
        Assert.Equal(3, rounds.Count);

        Assert.Equal(
            new InstantRunoffRound(
                1,
                [new("Memphis", 42), new("Nashville", 26), new("Chattanooga", 15), new("Knoxville", 17)],
                ContinuingBallots: 100,
                ExhaustedBallots: 0,
                InstantRunoffOutcome.Eliminated,
                "Chattanooga",
                15,
                [new("Memphis", 0), new("Nashville", 0), new("Knoxville", 15)],
                ExhaustedByTransfer: 0),
            rounds[0]);

        Assert.Equal(
            new InstantRunoffRound(
                2,
                [new("Memphis", 42), new("Nashville", 26), new("Knoxville", 32)],
                100,
                0,
                InstantRunoffOutcome.Eliminated,
                "Nashville",
                26,
                [new("Memphis", 0), new("Knoxville", 26)],
                0),
            rounds[1]);

        Assert.Equal(InstantRunoffOutcome.Elected, rounds[2].Outcome);
        Assert.Equal("Knoxville", rounds[2].Candidate);
        Assert.Equal([new("Memphis", 42), new("Knoxville", 58)], rounds[2].Counts);
        Assert.Equal(0.58, rounds[2].ShareOfContinuing, precision: 10);
        Assert.Empty(rounds[2].Transfers);
        Assert.Equal("Knoxville won in round 3 with 58 of 100 continuing ballots (58%).", result.Explanation.Summary);
    }

    [Fact]
    public void Schulze_Nashville_TheCondorcetWinner()
    {
        var result = Count(VotingMethod.Schulze, Cities, Rankings);

        Assert.Equal("Nashville", result.Winner);
        Assert.Equal(["Nashville", "Chattanooga", "Knoxville", "Memphis"], result.Ranking);
        Assert.Empty(result.TieBreaks);

        var explanation = Assert.IsType<SchulzeExplanation>(result.Explanation);
        Assert.Equal(Cities, explanation.Candidates);
        Assert.Equal(
            new CandidateMatrix(Cities, new[,]
            {
                //  Mem Nas Cha Kno
                { 0, 42, 42, 42 }, // Memphis
                { 58, 0, 68, 68 }, // Nashville
                { 58, 32, 0, 83 }, // Chattanooga
                { 58, 32, 17, 0 }, // Knoxville
            }),
            explanation.Pairwise);
        Assert.Equal(
            new CandidateMatrix(Cities, new[,]
            {
                { 0, 0, 0, 0 },
                { 58, 0, 68, 68 },
                { 58, 0, 0, 83 },
                { 58, 0, 0, 0 },
            }),
            explanation.StrongestPaths);
        Assert.Equal(68, explanation.Pairwise["Nashville", "Chattanooga"]);
        Assert.Equal(
            [new PairwiseWin("Memphis", 58, 42), new PairwiseWin("Chattanooga", 68, 32), new PairwiseWin("Knoxville", 68, 32)],
            explanation.WinnerPairwiseWins);
        Assert.Equal("Nashville beats every other candidate head to head.", explanation.Summary);
    }

    [Fact]
    public void Approval_OfTheTopTwo_Nashville()
    {
        var topTwo = BallotsOf(
            Times(42, "Memphis,Nashville"),
            Times(26, "Nashville,Chattanooga"),
            Times(15, "Chattanooga,Knoxville"),
            Times(17, "Knoxville,Chattanooga"));

        var result = Count(VotingMethod.Approval, Cities, topTwo);

        Assert.Equal("Nashville", result.Winner);
        Assert.Equal(["Nashville", "Chattanooga", "Memphis", "Knoxville"], result.Ranking);
        Assert.Equal(
            [new("Memphis", 42), new("Nashville", 68), new("Chattanooga", 58), new("Knoxville", 32)],
            Assert.IsType<CountExplanation>(result.Explanation).Counts);
    }
}
