using CsCheck;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Domain.Tests.Voting;

/// <summary>Invariants of the engine over generated elections.</summary>
public sealed class TallyPropertyTests
{
    private static readonly Gen<TieBreaker> TieBreakers = Gen.Byte.Array[32].Select(b => new TieBreaker(TieBreakSeed.FromBytes(b)));

    /// <summary>Small elections: many ties, so the tie-break paths are exercised.</summary>
    private static readonly Gen<GeneratedElection> Small = ElectionGen.Ranked(maxCandidates: 5, maxBallots: 12);

    /// <summary>Larger elections: more rounds and longer paths.</summary>
    private static readonly Gen<GeneratedElection> Larger = ElectionGen.Ranked(maxCandidates: 8, maxBallots: 60);

    [Fact]
    public void Result_DoesNotDependOnBallotOrder()
    {
        var gen =
            from election in Gen.OneOf(Small, Larger)
            from keys in Gen.Int.Array[election.Rankings.Length]
            from tieBreaker in TieBreakers
            from method in Gen.Enum<VotingMethod>()
            select (election, keys, tieBreaker, method);

        gen.Sample((election, keys, tieBreaker, method) =>
        {
            var shuffled = election with { Rankings = [.. election.Rankings.Zip(keys).OrderBy(p => p.Second).Select(p => p.First)] };

            var original = Tally.Count(method, election.Candidates, election.BallotsFor(method), tieBreaker);
            var reordered = Tally.Count(method, shuffled.Candidates, shuffled.BallotsFor(method), tieBreaker);

            Assert.Equal(original, reordered); // everything, explanation included
        }, iter: 1000);
    }

    [Fact]
    public void Result_DoesNotDependOnCandidateListOrder()
    {
        var gen =
            from election in Gen.OneOf(Small, Larger)
            from keys in Gen.Int.Array[election.Candidates.Length]
            from tieBreaker in TieBreakers
            from method in Gen.Enum<VotingMethod>()
            select (election, keys, tieBreaker, method);

        gen.Sample((election, keys, tieBreaker, method) =>
        {
            var ballots = election.BallotsFor(method);
            string[] permuted = [.. election.Candidates.Zip(keys).OrderBy(p => p.Second).Select(p => p.First)];

            var original = Tally.Count(method, election.Candidates, ballots, tieBreaker);
            var reordered = Tally.Count(method, permuted, ballots, tieBreaker);

            Assert.Equal(original.Winner, reordered.Winner);
            Assert.Equal(original.Ranking, reordered.Ranking);
            Assert.Equal(original.TieBreaks, reordered.TieBreaks);
            Assert.Equal(original.Explanation.Summary, reordered.Explanation.Summary);
            AssertSameExplanation(original.Explanation, reordered.Explanation);
        }, iter: 1000);
    }

    [Fact]
    public void FirstChoiceOfAStrictMajority_WinsPluralityInstantRunoffAndSchulze()
    {
        var gen =
            from election in Gen.OneOf(Small, Larger).Where(e => e.Candidates.Length > 0)
            from favourite in Gen.Int[0, election.Candidates.Length - 1]
            from extra in Gen.Int[1, 5]
            from supporters in ElectionGen.Ballot(new int[election.Candidates.Length], complete: false).Array[election.Rankings.Length + extra]
            from tieBreaker in TieBreakers
            select (election, favourite, supporters, tieBreaker);

        gen.Sample((election, favourite, supporters, tieBreaker) =>
        {
            // More ballots put the favourite first than all the others together.
            var withMajority = election with
            {
                Rankings = [.. election.Rankings, .. supporters.Select(s => (int[])[favourite, .. s.Where(c => c != favourite)])],
            };
            var expected = election.Candidates[favourite];

            foreach (var method in new[] { VotingMethod.Plurality, VotingMethod.InstantRunoff, VotingMethod.Schulze })
            {
                Assert.Equal(expected, Tally.Count(method, withMajority.Candidates, withMajority.BallotsFor(method), tieBreaker).Winner);
            }
        }, iter: 1000);
    }

    [Fact]
    public void CondorcetWinner_AlwaysWinsSchulze()
    {
        var gen =
            from election in Gen.OneOf(Small, Larger)
            from tieBreaker in TieBreakers
            select (election, tieBreaker);

        gen.Sample((election, tieBreaker) =>
        {
            if (ElectionGen.CondorcetWinner(election) is { } winner)
            {
                Assert.Equal(election.Candidates[winner], Tally.Count(VotingMethod.Schulze, election.Candidates, election.Ranked, tieBreaker).Winner);
            }
        }, iter: 1000);
    }

    [Fact]
    public void CondorcetLoser_NeverWinsInstantRunoffOrSchulze()
    {
        var gen =
            from election in Gen.OneOf(Small, Larger)
            from tieBreaker in TieBreakers
            select (election, tieBreaker);

        gen.Sample((election, tieBreaker) =>
        {
            if (ElectionGen.CondorcetLoser(election) is { } loser)
            {
                Assert.NotEqual(election.Candidates[loser], Tally.Count(VotingMethod.InstantRunoff, election.Candidates, election.Ranked, tieBreaker).Winner);
                Assert.NotEqual(election.Candidates[loser], Tally.Count(VotingMethod.Schulze, election.Candidates, election.Ranked, tieBreaker).Winner);
            }
        }, iter: 1000);
    }

    [Fact]
    public void Generator_ProducesCondorcetWinnersAndLosersOften()
    {
        // Guards the two properties above against a generator that never triggers them.
        var withWinner = 0;
        var withLoser = 0;
        Gen.OneOf(Small, Larger).Sample(
            election =>
            {
                withWinner += ElectionGen.CondorcetWinner(election) is null ? 0 : 1;
                withLoser += ElectionGen.CondorcetLoser(election) is null ? 0 : 1;
            },
            iter: 500,
            threads: 1);

        Assert.True(withWinner > 100, $"{withWinner} of 500 elections had a Condorcet winner");
        Assert.True(withLoser > 50, $"{withLoser} of 500 elections had a Condorcet loser");
    }

    [Fact]
    public void InstantRunoff_WithCompleteRankings_WinnerHoldsAtLeastHalfOfItsFinalRound()
    {
        var gen =
            from election in ElectionGen.Ranked(maxCandidates: 8, maxBallots: 60, complete: true)
            from tieBreaker in TieBreakers
            select (election, tieBreaker);

        gen.Sample((election, tieBreaker) =>
        {
            var result = Tally.Count(VotingMethod.InstantRunoff, election.Candidates, election.Ranked, tieBreaker);
            if (result.BallotCount == 0)
            {
                return;
            }

            var final = Assert.IsType<InstantRunoffExplanation>(result.Explanation).Rounds[^1];
            Assert.Equal(InstantRunoffOutcome.Elected, final.Outcome);
            Assert.Equal(result.Winner, final.Candidate);
            Assert.Equal(result.BallotCount, final.ContinuingBallots); // complete rankings never exhaust
            Assert.True(final.CandidateVotes * 2 >= final.ContinuingBallots);
        }, iter: 1000);
    }

    [Fact]
    public void InstantRunoff_RoundsAreConsistent_BallotsAreNeitherLostNorCreated()
    {
        var gen =
            from election in Gen.OneOf(Small, Larger)
            from tieBreaker in TieBreakers
            select (election, tieBreaker);

        gen.Sample((election, tieBreaker) =>
        {
            var result = Tally.Count(VotingMethod.InstantRunoff, election.Candidates, election.Ranked, tieBreaker);
            var rounds = Assert.IsType<InstantRunoffExplanation>(result.Explanation).Rounds;
            for (var r = 0; r < rounds.Count; r++)
            {
                var round = rounds[r];
                Assert.Equal(round.ContinuingBallots, round.Counts.Sum(c => c.Count));
                Assert.Equal(result.BallotCount, round.ContinuingBallots + round.ExhaustedBallots);
                if (round.Outcome == InstantRunoffOutcome.Eliminated)
                {
                    Assert.Equal(round.CandidateVotes, round.Transfers.Sum(t => t.Count) + round.ExhaustedByTransfer);
                    Assert.Equal(round.Counts.Min(c => c.Count), round.CandidateVotes);
                    var next = rounds[r + 1].Counts.ToDictionary();
                    foreach (var transfer in round.Transfers)
                    {
                        Assert.Equal(round.Counts.ToDictionary()[transfer.CandidateId] + transfer.Count, next[transfer.CandidateId]);
                    }
                }
            }

            Assert.Equal(election.Candidates.Length, result.Ranking.Distinct().Count());
        }, iter: 1000);
    }

    [Fact]
    public void Ranking_IsAPermutationOfTheCandidates_WinnerFirst()
    {
        var gen =
            from election in Gen.OneOf(Small, Larger)
            from tieBreaker in TieBreakers
            from method in Gen.Enum<VotingMethod>()
            select (election, tieBreaker, method);

        gen.Sample((election, tieBreaker, method) =>
        {
            var result = Tally.Count(method, election.Candidates, election.BallotsFor(method), tieBreaker);

            Assert.Equal(result.Winner, result.Ranking[0]);
            Assert.Equal(election.Candidates.Order(StringComparer.Ordinal), result.Ranking.Order(StringComparer.Ordinal));
            Assert.All(result.TieBreaks, t => Assert.Equal(t.Purpose == TieBreakPurpose.Elimination ? t.Order[^1] : t.Order[0], t.Chosen));
        }, iter: 1000);
    }

    [Fact]
    public void Schulze_PairwiseMatrix_MatchesANaiveCountFromRanks()
    {
        var gen =
            from election in Gen.OneOf(Small, Larger, ElectionGen.Ranked(maxCandidates: 20, maxBallots: 400, minCandidates: 10))
            from tieBreaker in TieBreakers
            select (election, tieBreaker);

        gen.Sample((election, tieBreaker) =>
        {
            var explanation = Assert.IsType<SchulzeExplanation>(Tally.Count(VotingMethod.Schulze, election.Candidates, election.Ranked, tieBreaker).Explanation);
            var naive = ElectionGen.Pairwise(election);

            Assert.Equal(new CandidateMatrix(election.Candidates, naive), explanation.Pairwise);
        }, iter: 300);
    }

    [Fact]
    public void InstantRunoff_EveryRoundsCounts_MatchANaiveRecountGivenWhoWasEliminated()
    {
        var gen =
            from election in Gen.OneOf(Small, Larger, ElectionGen.Ranked(maxCandidates: 20, maxBallots: 400, minCandidates: 10))
            from tieBreaker in TieBreakers
            select (election, tieBreaker);

        gen.Sample((election, tieBreaker) =>
        {
            var rounds = Assert.IsType<InstantRunoffExplanation>(
                Tally.Count(VotingMethod.InstantRunoff, election.Candidates, election.Ranked, tieBreaker).Explanation).Rounds;
            var eliminated = new HashSet<string>(StringComparer.Ordinal);
            foreach (var round in rounds)
            {
                // Each ballot counts for its highest-ranked candidate not yet eliminated.
                var expected = election.Candidates.Where(c => !eliminated.Contains(c)).ToDictionary(c => c, _ => 0);
                foreach (var ballot in election.Ranked)
                {
                    if (ballot.FirstOrDefault(c => !eliminated.Contains(c)) is { } choice)
                    {
                        expected[choice]++;
                    }
                }

                Assert.Equal(expected, round.Counts.ToDictionary());
                eliminated.Add(round.Candidate);
            }
        }, iter: 300);
    }

    private static void AssertSameExplanation(TallyExplanation expected, TallyExplanation actual)
    {
        switch (expected, actual)
        {
            case (CountExplanation e, CountExplanation a):
                Assert.Equal(e.Counts.ToDictionary(), a.Counts.ToDictionary());
                break;
            case (InstantRunoffExplanation e, InstantRunoffExplanation a):
                Assert.Equal(e.Rounds.Count, a.Rounds.Count);
                foreach (var (er, ar) in e.Rounds.Zip(a.Rounds))
                {
                    Assert.Equal(er with { Counts = [], Transfers = [] }, ar with { Counts = [], Transfers = [] });
                    Assert.Equal(er.Counts.ToDictionary(), ar.Counts.ToDictionary());
                    Assert.Equal(er.Transfers.ToDictionary(), ar.Transfers.ToDictionary());
                }

                break;
            case (SchulzeExplanation e, SchulzeExplanation a):
                foreach (var i in e.Candidates)
                {
                    foreach (var j in e.Candidates)
                    {
                        Assert.Equal(e.Pairwise[i, j], a.Pairwise[i, j]);
                        Assert.Equal(e.StrongestPaths[i, j], a.StrongestPaths[i, j]);
                    }
                }

                Assert.Equal(e.WinnerPairwiseWins.OrderBy(w => w.Opponent, StringComparer.Ordinal), a.WinnerPairwiseWins.OrderBy(w => w.Opponent, StringComparer.Ordinal));
                break;
            default:
                Assert.Fail($"Explanations of different kinds: {expected.GetType().Name} and {actual.GetType().Name}");
                break;
        }
    }
}
