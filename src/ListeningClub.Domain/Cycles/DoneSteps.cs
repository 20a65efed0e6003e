using System.Collections.Immutable;

namespace ListeningClub.Domain.Cycles;

/// <summary>
/// The steps of a cycle already performed, by their key within the cycle ("nominations", "remind-1", "prompt-2",
/// "discussion", …). A value: two sets with the same keys are equal. Phase changes (voting opens, the pick is
/// announced, the next cycle starts) are told by the cycle's phase, not kept here.
/// </summary>
public sealed class DoneSteps : IEquatable<DoneSteps>
{
    private readonly ImmutableSortedSet<string> _keys;

    private DoneSteps(ImmutableSortedSet<string> keys) => _keys = keys;

    public static DoneSteps None { get; } = new(ImmutableSortedSet.Create<string>(StringComparer.Ordinal));

    public static DoneSteps Of(IEnumerable<string> keys) => new(ImmutableSortedSet.CreateRange(StringComparer.Ordinal, keys));

    /// <summary>The keys, in ordinal order.</summary>
    public IReadOnlyCollection<string> Keys => _keys;

    public bool Contains(string key) => _keys.Contains(key);

    public DoneSteps With(string key) => new(_keys.Add(key));

    public bool Equals(DoneSteps? other) => other is not null && _keys.SetEquals(other._keys);

    public override bool Equals(object? obj) => Equals(obj as DoneSteps);

    public override int GetHashCode() => _keys.Aggregate(_keys.Count, (hash, key) => HashCode.Combine(hash, StringComparer.Ordinal.GetHashCode(key)));

    public override string ToString() => string.Join(", ", _keys);
}
