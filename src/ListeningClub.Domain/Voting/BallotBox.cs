using System.Collections.Frozen;
using System.Runtime.InteropServices;

namespace ListeningClub.Domain.Voting;

/// <summary>
/// Ballots translated to candidate indices and laid out flat for counting: ballot b's choices are
/// <c>Choices[Offsets[b] .. Offsets[b + 1]]</c>, most preferred first. Built once per tally with two
/// allocations for the whole box, none per ballot.
/// </summary>
internal sealed class BallotBox
{
    private BallotBox(ValueList<string> candidates, int[] offsets, int[] choices)
    {
        Candidates = candidates;
        Offsets = offsets;
        Choices = choices;
    }

    public ValueList<string> Candidates { get; }

    public int CandidateCount => Candidates.Count;

    public int BallotCount => Offsets.Length - 1;

    public int[] Offsets { get; }

    public int[] Choices { get; }

    /// <summary>Validates and flattens the ballots.</summary>
    /// <exception cref="ArgumentException">
    /// No candidates, a repeated or null candidate id, a null ballot, an unknown candidate on a ballot,
    /// a candidate twice on one ballot, or a plurality ballot without exactly one choice: all caller bugs.
    /// </exception>
    public static BallotBox Fill(VotingMethod method, IReadOnlyList<string> candidateIds, IReadOnlyList<IReadOnlyList<string>> ballots)
    {
        ArgumentNullException.ThrowIfNull(candidateIds);
        ArgumentNullException.ThrowIfNull(ballots);
        if (candidateIds.Count == 0)
        {
            throw new ArgumentException("An election needs at least one candidate.", nameof(candidateIds));
        }

        var indexOf = new Dictionary<string, int>(candidateIds.Count);
        for (var c = 0; c < candidateIds.Count; c++)
        {
            var id = candidateIds[c] ?? throw new ArgumentException($"Candidate {c} has a null id.", nameof(candidateIds));
            if (!indexOf.TryAdd(id, c))
            {
                throw new ArgumentException($"Candidate '{id}' appears twice in the candidate list.", nameof(candidateIds));
            }
        }

        var offsets = new int[ballots.Count + 1];
        for (var b = 0; b < ballots.Count; b++)
        {
            var ballot = ballots[b] ?? throw new ArgumentException($"Ballot {b} is null.", nameof(ballots));
            if (method == VotingMethod.Plurality && ballot.Count != 1)
            {
                throw new ArgumentException($"Plurality ballot {b} has {ballot.Count} choices; it must have exactly one.", nameof(ballots));
            }

            offsets[b + 1] = checked(offsets[b] + ballot.Count);
        }

        var choices = GC.AllocateUninitializedArray<int>(offsets[^1]); // every cell is written below

        // A frozen dictionary picks a lookup specialised to these ids (it hashes only the characters that tell them
        // apart): translating a million ids is the biggest cost of a large tally, since the ballots' strings are
        // usually separate instances (read from storage), so every lookup compares characters.
        var frozenIndexOf = indexOf.ToFrozenDictionary(StringComparer.Ordinal);

        // seenOnBallot[c] == b + 1 when candidate c already appeared on ballot b: a duplicate check without clearing a set per ballot.
        var seenOnBallot = new int[candidateIds.Count];
        string[] scratch = [];
        for (var b = 0; b < ballots.Count; b++)
        {
            var ids = AsSpan(ballots[b], ref scratch);
            var start = offsets[b];
            if (ids.Length != offsets[b + 1] - start)
            {
                throw new ArgumentException($"Ballot {b} changed while it was being counted.", nameof(ballots));
            }

            for (var k = 0; k < ids.Length; k++)
            {
                var id = ids[k];
                if (id is null || !frozenIndexOf.TryGetValue(id, out var c))
                {
                    throw new ArgumentException($"Ballot {b} names '{id ?? "(null)"}', which is not a candidate.", nameof(ballots));
                }

                if (seenOnBallot[c] == b + 1)
                {
                    throw new ArgumentException($"Ballot {b} names '{id}' twice.", nameof(ballots));
                }

                seenOnBallot[c] = b + 1;
                choices[start + k] = c;
            }
        }

        return new BallotBox(ValueList<string>.From(candidateIds), offsets, choices);
    }

    /// <summary>The ballot's ids as a span: directly for arrays and lists, else copied into a reused buffer.</summary>
    private static ReadOnlySpan<string> AsSpan(IReadOnlyList<string> ballot, ref string[] scratch)
    {
        switch (ballot)
        {
            case string[] array:
                return array;
            case List<string> list:
                return CollectionsMarshal.AsSpan(list);
            default:
                if (scratch.Length < ballot.Count)
                {
                    scratch = new string[Math.Max(ballot.Count, scratch.Length * 2)];
                }

                for (var k = 0; k < ballot.Count; k++)
                {
                    scratch[k] = ballot[k];
                }

                return scratch.AsSpan(0, ballot.Count);
        }
    }
}
