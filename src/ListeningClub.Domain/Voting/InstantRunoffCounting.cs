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
/// moves its pointer on past eliminated choices; no per-ballot allocation, and each ranked choice is read about once.
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

        var state = new State(box);
        var rounds = new List<InstantRunoffRound>();
        var eliminated = new List<int>();
        string summary;
        int winner;
        while (true)
        {
            var number = rounds.Count + 1;
            var continuing = state.ContinuingCandidates();
            var counts = Array.ConvertAll(continuing, c => new CandidateCount(candidates[c], state.Votes[c]));
            var continuingBallots = box.BallotCount - state.Exhausted;
            var exhaustedBefore = state.Exhausted;
            var leader = MostVotes(continuing, state.Votes);

            if (continuing.Length == 1 || state.Votes[leader] * 2L > continuingBallots)
            {
                winner = leader;
                summary = continuing.Length == 1
                    ? $"{candidates[winner]} was the only candidate left in round {number}."
                    : $"{candidates[winner]} won in round {number} with {state.Votes[winner]} of {continuingBallots} continuing ballots ({Wording.Percent(state.Votes[winner], continuingBallots)}).";
            }
            else if (continuing.Length == 2 && state.Votes[continuing[0]] == state.Votes[continuing[1]])
            {
                winner = tieBreaks.Resolve($"Round {number}: the last two candidates tied", continuing, TieBreakPurpose.Win)[0];
                var other = continuing[0] == winner ? continuing[1] : continuing[0];
                summary = $"{candidates[winner]} and {candidates[other]} tied in round {number} with {state.Votes[winner]} continuing ballots each; the tie-break chose {candidates[winner]}.";
            }
            else
            {
                var loser = FewestVotes(continuing, state.Votes, number, tieBreaks);
                var loserVotes = state.Votes[loser];
                var received = new int[box.CandidateCount];
                var exhaustedByTransfer = state.Eliminate(loser, received);
                eliminated.Add(loser);

                var transfers = state.ContinuingCandidates();
                rounds.Add(new InstantRunoffRound(
                    number,
                    ValueList<CandidateCount>.Own(counts),
                    continuingBallots,
                    exhaustedBefore,
                    InstantRunoffOutcome.Eliminated,
                    candidates[loser],
                    loserVotes,
                    ValueList<CandidateCount>.Own(Array.ConvertAll(transfers, c => new CandidateCount(candidates[c], received[c]))),
                    exhaustedByTransfer));
                continue;
            }

            rounds.Add(new InstantRunoffRound(
                number,
                ValueList<CandidateCount>.Own(counts),
                continuingBallots,
                exhaustedBefore,
                InstantRunoffOutcome.Elected,
                candidates[winner],
                state.Votes[winner],
                ValueList<CandidateCount>.Empty,
                0));

            // The ranking: the winner, the others still continuing by their final votes, then the eliminated, last out first.
            var runnersUp = continuing.Where(c => c != winner).ToArray();
            var ranking = new List<int>(box.CandidateCount) { winner };
            ranking.AddRange(tieBreaks.RankByScore($"Round {number}, final standings", runnersUp, state.Votes, firstPlace: 2));
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
    private sealed class State
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
            _position = new int[box.BallotCount];
            _countsFor = new int[box.BallotCount];
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
        public int Eliminate(int loser, int[] received)
        {
            _continuing[loser] = false;
            var offsets = _box.Offsets;
            var choices = _box.Choices;
            var countsFor = _countsFor.AsSpan();
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
    }
}
