using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ListeningClub.Domain.Voting;

/// <summary>
/// Ballots translated to candidate indices and laid out flat for counting: ballot b's choices are
/// <c>Choices[Offsets[b] .. Offsets[b + 1]]</c>, most preferred first. Nothing is allocated per ballot, and the two
/// big arrays are rented from <see cref="ArrayPool{T}.Shared"/> (they are large-object-heap sized for big elections,
/// and allocating them on every tally would trigger full garbage collections): dispose the box to return them.
/// </summary>
internal sealed class BallotBox : IDisposable
{
    private int[]? _offsets;
    private int[]? _choices;

    private BallotBox(ValueList<string> candidates, int ballotCount, int[] offsets, int[] choices)
    {
        Candidates = candidates;
        BallotCount = ballotCount;
        _offsets = offsets;
        _choices = choices;
    }

    public ValueList<string> Candidates { get; }

    public int CandidateCount => Candidates.Count;

    public int BallotCount { get; }

    /// <summary>Where each ballot starts in <see cref="Choices"/>; entries 0..<see cref="BallotCount"/> are valid (the array may be longer).</summary>
    public int[] Offsets => _offsets ?? throw new ObjectDisposedException(nameof(BallotBox));

    /// <summary>Every ballot's choices, one after another; entries before <c>Offsets[BallotCount]</c> are valid (the array may be longer).</summary>
    public int[] Choices => _choices ?? throw new ObjectDisposedException(nameof(BallotBox));

    /// <summary>Every choice on every ballot.</summary>
    public ReadOnlySpan<int> AllChoices => Choices.AsSpan(0, Offsets[BallotCount]);

    public void Dispose()
    {
        if (_offsets is not null)
        {
            ArrayPool<int>.Shared.Return(_offsets);
            _offsets = null;
        }

        if (_choices is not null)
        {
            ArrayPool<int>.Shared.Return(_choices);
            _choices = null;
        }
    }

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

        var indexOf = new Dictionary<string, int>(candidateIds.Count, StringComparer.Ordinal);
        for (var c = 0; c < candidateIds.Count; c++)
        {
            var id = candidateIds[c] ?? throw new ArgumentException($"Candidate {c} has a null id.", nameof(candidateIds));
            if (!indexOf.TryAdd(id, c))
            {
                throw new ArgumentException($"Candidate '{id}' appears twice in the candidate list.", nameof(candidateIds));
            }
        }

        var ballotCount = ballots.Count;
        var offsets = ArrayPool<int>.Shared.Rent(ballotCount + 1);
        int[]? choices = null;
        try
        {
            offsets[0] = 0;
            for (var b = 0; b < ballotCount; b++)
            {
                var ballot = ballots[b] ?? throw new ArgumentException($"Ballot {b} is null.", nameof(ballots));
                if (method == VotingMethod.Plurality && ballot.Count != 1)
                {
                    throw new ArgumentException($"Plurality ballot {b} has {ballot.Count} choices; it must have exactly one.", nameof(ballots));
                }

                offsets[b + 1] = checked(offsets[b] + ballot.Count);
            }

            choices = ArrayPool<int>.Shared.Rent(offsets[ballotCount]);
            Translate(indexOf, ballots, offsets, choices);
            return new BallotBox(ValueList<string>.From(candidateIds), ballotCount, offsets, choices);
        }
        catch
        {
            ArrayPool<int>.Shared.Return(offsets);
            if (choices is not null)
            {
                ArrayPool<int>.Shared.Return(choices);
            }

            throw;
        }
    }

    /// <summary>Writes every ballot's candidate indices into <paramref name="choices"/>, checking each id is a candidate named once per ballot.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a tally runs rarely: compile its hot loop fully at once, not as tier-0 code
    private static void Translate(Dictionary<string, int> indexOf, IReadOnlyList<IReadOnlyList<string>> ballots, int[] offsets, int[] choices)
    {
        var candidateIndex = new CandidateIndex([.. indexOf.OrderBy(p => p.Value).Select(p => p.Key)]);

        // seenOnBallot[c] == b + 1 when candidate c already appeared on ballot b: a duplicate check without clearing a set per ballot.
        var seenOnBallot = new int[indexOf.Count];
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
                if (id is null || !candidateIndex.TryGetIndex(id, out var c))
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
