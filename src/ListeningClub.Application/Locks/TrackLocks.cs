using ListeningClub.Domain.Common;

namespace ListeningClub.Application.Locks;

/// <summary>
/// One reader/writer lock per track, shared by every service. Changes to the cycle itself (phase changes, vetoes)
/// take the write side; ballots, ratings and members' own nominations take the read side, so they run in parallel but
/// never straddle a phase change. A member's own changes are also serialised per member (<see cref="MemberAsync"/>),
/// so a per-member rule such as the nomination cap holds while other members go on in parallel. Rules across
/// members are held by the store's unique keys (one nomination per identity key) and by a title's turn
/// (<see cref="TitleAsync"/>: "alien" and "Alien (1979)" are checked one after the other, never side by side).
/// </summary>
public sealed class TrackLocks
{
    private const int Stripes = 64;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<TrackId, AsyncReaderWriterLock> _locks = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<TrackId, AsyncReaderWriterLock[]> _members = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<TrackId, AsyncReaderWriterLock[]> _titles = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ulong, AsyncReaderWriterLock> _clubs = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<TrackId, AsyncReaderWriterLock> _stepTurns = new();

    public Task<IDisposable> WriteAsync(TrackId trackId, CancellationToken cancellationToken) => For(trackId).EnterWriteAsync(cancellationToken);

    public Task<IDisposable> ReadAsync(TrackId trackId, CancellationToken cancellationToken) => For(trackId).EnterReadAsync(cancellationToken);

    /// <summary>One member's turn in a track (striped: members sharing a stripe wait for each other). Take it inside <see cref="ReadAsync"/>.</summary>
    public Task<IDisposable> MemberAsync(TrackId trackId, ulong memberId, CancellationToken cancellationToken) =>
        _members.GetOrAdd(trackId, static _ => [.. Enumerable.Range(0, Stripes).Select(_ => new AsyncReaderWriterLock())])[(int)(memberId % Stripes)]
            .EnterWriteAsync(cancellationToken);

    /// <summary>
    /// One title's turn in a track (striped by the title key, a film's key without its year): nominations of the same
    /// title by different members, with or without a year, are checked against the list one after the other.
    /// Take it inside <see cref="MemberAsync"/>, and nothing after it.
    /// </summary>
    public Task<IDisposable> TitleAsync(TrackId trackId, string titleKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(titleKey);
        var stripe = (int)((uint)StringComparer.Ordinal.GetHashCode(titleKey) % Stripes);
        return _titles.GetOrAdd(trackId, static _ => [.. Enumerable.Range(0, Stripes).Select(_ => new AsyncReaderWriterLock())])[stripe]
            .EnterWriteAsync(cancellationToken);
    }

    /// <summary>
    /// The club document's turn: a change to a club (its tracks, their settings, its roles) reads the club and writes it
    /// back whole, so two changes at once would lose one; each takes this first. Taken after a track's lock, never before.
    /// </summary>
    public Task<IDisposable> ClubAsync(ulong guildId, CancellationToken cancellationToken) =>
        _clubs.GetOrAdd(guildId, static _ => new AsyncReaderWriterLock()).EnterWriteAsync(cancellationToken);

    /// <summary>
    /// The track's step turn: one step at a time, whoever runs it (the scheduled job, a manager's
    /// /club advance, open-voting or close-voting), so a step is chosen and performed before the next is chosen.
    /// Taken before the track's own lock, never inside it.
    /// </summary>
    public Task<IDisposable> StepTurnAsync(TrackId trackId, CancellationToken cancellationToken) =>
        _stepTurns.GetOrAdd(trackId, static _ => new AsyncReaderWriterLock()).EnterWriteAsync(cancellationToken);

    private AsyncReaderWriterLock For(TrackId trackId) => _locks.GetOrAdd(trackId, static _ => new AsyncReaderWriterLock());
}
