using System.Buffers;
using System.Runtime.CompilerServices;

namespace ListeningClub.Domain.Voting;

/// <summary>
/// Instant-runoff. Each ballot counts for its highest-ranked continuing candidate. A candidate with more than
/// half of the continuing ballots wins; otherwise the candidate with the fewest is eliminated (a tie for last:
/// the last in tie-break order goes) and their ballots move to their next continuing choice, or are exhausted.
/// When the last two are tied, the first in tie-break order wins.
/// </summary>
/// <remarks>
/// Every ballot keeps a pointer to the choice it currently counts for, and the candidate it counts for in a flat
/// array. Eliminating a candidate is a vectorised scan of that array for the candidate's ballots, each of which
/// moves its pointer on past eliminated choices; no per-ballot allocation (the per-ballot arrays are pooled), and
/// each ranked choice is read about once.
/// </remarks>
internal static class InstantRunoffCounting
{
    private const int None = -1;

    public static TallyResult Count(BallotBox box, TieBreakLog tieBreaks)
    {
        var candidates = box.Candidates;
        if (box.BallotCount == 0)
        {
            var order = tieBreaks.Resolve("No ballots: every candidate tied", Enumerable.Range(0, box.CandidateCount), TieBreakPurpose.Win);
            return new TallyResult(
                VotingMethod.InstantRunoff,
                candidates[order[0]],
                ValueList<string>.Own(Array.ConvertAll(order, c => candidates[c])),
                0,
                new InstantRunoffExplanation(ValueList<InstantRunoffRound>.Empty, Wording.NobodyVoted(candidates[order[0]]), NobodyVoted: true),
                tieBreaks.Records);
        }

        using var state = new State(box);
        var rounds = new List<InstantRunoffRound>();
        var eliminated = new List<int>();
        int winner;
        string summary;
        int[] finalists;
        while (true)
        {
            var number = rounds.Count + 1;
            var continuing = state.ContinuingCandidates();
            var counts = ValueList<CandidateCount>.Own(Array.ConvertAll(continuing, c => new CandidateCount(candidates[c], state.Votes[c])));
            var continuingBallots = box.BallotCount - state.Exhausted;
            var exhaustedBefore = state.Exhausted;

            if (TryElect(continuing, state.Votes, continuingBallots, number, candidates, tieBreaks) is { } elected)
            {
                (winner, summary, finalists) = (elected.Winner, elected.Summary, continuing);
                rounds.Add(new InstantRunoffRound(
                    number, counts, continuingBallots, exhaustedBefore, InstantRunoffOutcome.Elected, candidates[winner], state.Votes[winner],
                    Transfers: ValueList<CandidateCount>.Empty,
                    ExhaustedByTransfer: 0));
                break;
            }

            var loser = FewestVotes(continuing, state.Votes, number, tieBreaks);
            var loserVotes = state.Votes[loser];
            var received = new int[box.CandidateCount];
            var exhaustedByTransfer = state.Eliminate(loser, received);
            eliminated.Add(loser);
            var transfers = Array.ConvertAll(state.ContinuingCandidates(), c => new CandidateCount(candidates[c], received[c]));
            rounds.Add(new InstantRunoffRound(
                number, counts, continuingBallots, exhaustedBefore, InstantRunoffOutcome.Eliminated, candidates[loser], loserVotes,
                ValueList<CandidateCount>.Own(transfers),
                exhaustedByTransfer));
        }

        // The ranking: the winner, the others still continuing by their final votes, then the eliminated, last out first.
        var ranking = new List<int>(box.CandidateCount) { winner };
        var runnersUp = finalists.Where(c => c != winner).ToArray();
        ranking.AddRange(tieBreaks.RankByScore($"Round {rounds.Count}, final standings", runnersUp, state.Votes, firstPlace: 2));
        for (var i = eliminated.Count - 1; i >= 0; i--)
        {
            ranking.Add(eliminated[i]);
        }

        return new TallyResult(
            VotingMethod.InstantRunoff,
            candidates[winner],
            ValueList<string>.Own(ranking.ConvertAll(c => candidates[c]).ToArray()),
            box.BallotCount,
            new InstantRunoffExplanation(ValueList<InstantRunoffRound>.From(rounds), summary, NobodyVoted: false),
            tieBreaks.Records);
    }

    /// <summary>
    /// The round's winner, if there is one: the only candidate left, one with more than half of the continuing
    /// ballots, or, when the last two are tied, the first of them in tie-break order.
    /// </summary>
    private static (int Winner, string Summary)? TryElect(
        int[] continuing, int[] votes, int continuingBallots, int round, ValueList<string> candidates, TieBreakLog tieBreaks)
    {
        if (continuing.Length == 1)
        {
            return (continuing[0], $"{candidates[continuing[0]]} was the only candidate left in round {round}.");
        }

        var leader = MostVotes(continuing, votes);
        if (votes[leader] * 2L > continuingBallots)
        {
            return (leader, $"{candidates[leader]} won in round {round} with {votes[leader]} of {continuingBallots} continuing ballots ({Wording.Percent(votes[leader], continuingBallots)}).");
        }

        if (continuing.Length == 2 && votes[continuing[0]] == votes[continuing[1]])
        {
            var order = tieBreaks.Resolve($"Round {round}: the last two candidates tied", continuing, TieBreakPurpose.Win);
            return (order[0], $"{candidates[order[0]]} and {candidates[order[1]]} tied in round {round} with {votes[order[0]]} continuing ballots each; the tie-break chose {candidates[order[0]]}.");
        }

        return null;
    }

    private static int MostVotes(int[] continuing, int[] votes)
    {
        var best = continuing[0];
        foreach (var c in continuing)
        {
            if (votes[c] > votes[best])
            {
                best = c;
            }
        }

        return best;
    }

    private static int FewestVotes(int[] continuing, int[] votes, int round, TieBreakLog tieBreaks)
    {
        var fewest = continuing.Min(c => votes[c]);
        var lowest = continuing.Where(c => votes[c] == fewest).ToArray();
        return lowest.Length == 1
            ? lowest[0]
            : tieBreaks.Resolve($"Round {round}: tie for last place", lowest, TieBreakPurpose.Elimination)[^1];
    }

    /// <summary>Where every ballot currently sits.</summary>
    private sealed class State : IDisposable
    {
        private readonly BallotBox _box;
        private readonly bool[] _continuing;
        private readonly int[] _position; // ballot b counts for Choices[_position[b]]
        private readonly int[] _countsFor; // the candidate ballot b counts for, or None once exhausted

        public State(BallotBox box)
        {
            _box = box;
            _continuing = new bool[box.CandidateCount];
            Array.Fill(_continuing, true);
            _position = ArrayPool<int>.Shared.Rent(box.BallotCount);
            _countsFor = ArrayPool<int>.Shared.Rent(box.BallotCount);
            Votes = new int[box.CandidateCount];

            var offsets = box.Offsets;
            var choices = box.Choices;
            for (var b = 0; b < box.BallotCount; b++)
            {
                _position[b] = offsets[b];
                if (offsets[b] == offsets[b + 1])
                {
                    _countsFor[b] = None; // an empty ballot ranks nobody
                    Exhausted++;
                }
                else
                {
                    _countsFor[b] = choices[offsets[b]];
                    Votes[choices[offsets[b]]]++;
                }
            }
        }

        public int[] Votes { get; }

        public int Exhausted { get; private set; }

        public int[] ContinuingCandidates()
        {
            var list = new List<int>(_continuing.Length);
            for (var c = 0; c < _continuing.Length; c++)
            {
                if (_continuing[c])
                {
                    list.Add(c);
                }
            }

            return [.. list];
        }

        /// <summary>Removes <paramref name="loser"/> and moves each of their ballots on; returns how many were exhausted.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a tally runs rarely: compile its hot loop fully at once, not as tier-0 code
        public int Eliminate(int loser, int[] received)
        {
            _continuing[loser] = false;
            var offsets = _box.Offsets;
            var choices = _box.Choices;
            var countsFor = _countsFor.AsSpan(0, _box.BallotCount);
            var exhausted = 0;
            for (var b = countsFor.IndexOf(loser); b >= 0;)
            {
                var end = offsets[b + 1];
                var k = _position[b] + 1;
                while (k < end && !_continuing[choices[k]])
                {
                    k++;
                }

                if (k < end)
                {
                    _position[b] = k;
                    countsFor[b] = choices[k];
                    Votes[choices[k]]++;
                    received[choices[k]]++;
                }
                else
                {
                    countsFor[b] = None;
                    exhausted++;
                }

                var rest = countsFor[(b + 1)..].IndexOf(loser);
                b = rest < 0 ? -1 : b + 1 + rest;
            }

            Exhausted += exhausted;
            return exhausted;
        }

        public void Dispose()
        {
            ArrayPool<int>.Shared.Return(_position);
            ArrayPool<int>.Shared.Return(_countsFor);
        }
    }
}
