using System.Collections.Frozen;
using System.Runtime.CompilerServices;

namespace ListeningClub.Domain.Voting;

/// <summary>
/// Finds a candidate's index from its id: the hot path of a big tally, which looks up every id on every ballot
/// (a million for 100,000 ranked ballots), usually as separate string instances read from storage.
/// </summary>
/// <remarks>
/// Candidate ids in one election tend to differ near their end ("nomination-0017", "nomination-0018"). So the index
/// looks for two character positions, counted from the end, whose characters (low 7 bits each) are a different pair
/// for every candidate, and uses that pair as the slot of a 128 × 128 table. A lookup then reads two characters and
/// one slot, and does one ordinal comparison. When no such positions exist it falls back to a frozen dictionary.
/// Either way an id only ever matches an ordinal-equal candidate id.
/// </remarks>
internal sealed class CandidateIndex
{
    private const int MaxPosition = 8;
    private const int Bits = 7;
    private const int CharMask = (1 << Bits) - 1;

    private readonly string[] _ids;
    private readonly int[]? _slots; // candidate index + 1; 0 = no candidate
    private readonly int _first;
    private readonly int _second;
    private readonly FrozenDictionary<string, int>? _fallback;

    /// <param name="ids">Distinct, non-null candidate ids, in index order.</param>
    public CandidateIndex(string[] ids)
    {
        _ids = ids;
        if (ids.Length <= 1 << (2 * Bits))
        {
            var slots = new int[1 << (2 * Bits)];
            for (var first = 0; first < MaxPosition && _slots is null; first++)
            {
                for (var second = first + 1; second <= MaxPosition && _slots is null; second++)
                {
                    (_first, _second) = (first, second);
                    if (TryFill(slots))
                    {
                        _slots = slots;
                    }
                    else
                    {
                        Array.Clear(slots);
                    }
                }
            }
        }

        if (_slots is null)
        {
            _fallback = ids.Select((id, index) => KeyValuePair.Create(id, index)).ToFrozenDictionary(StringComparer.Ordinal);
        }
    }

    /// <summary>True when the fast slot table is in use rather than the dictionary fallback.</summary>
    public bool UsesSlots => _slots is not null;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetIndex(string id, out int index)
    {
        if (_slots is null)
        {
            return _fallback!.TryGetValue(id, out index);
        }

        index = _slots[Slot(id)] - 1;
        return index >= 0 && string.Equals(id, _ids[index], StringComparison.Ordinal);
    }

    private bool TryFill(int[] slots)
    {
        for (var i = 0; i < _ids.Length; i++)
        {
            ref var slot = ref slots[Slot(_ids[i])];
            if (slot != 0)
            {
                return false;
            }

            slot = i + 1;
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(string id)
    {
        var length = id.Length;
        var a = _first < length ? id[length - 1 - _first] : 0;
        var b = _second < length ? id[length - 1 - _second] : 0;
        return ((a & CharMask) << Bits) | (b & CharMask);
    }
}
