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
/// <remarks>
/// When several processes share the store (<see cref="IClusterLocks.IsShared"/>), the track's lock, the club's turn and
/// the step turn are also taken across the cluster, after this process's own: a scheduled close may run on any
/// instance while the guild's members vote through another. A member's and a title's turns stay local: a guild's
/// interactions all reach the one instance that owns its gateway shard. Releasing gives the process's own lock back at
/// once and the cluster's a round trip later (held a little longer, never shorter).
/// </remarks>
public sealed class TrackLocks(IClusterLocks? cluster = null)
{
    private const int Stripes = 64;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<TrackId, AsyncReaderWriterLock> _locks = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<TrackId, AsyncReaderWriterLock[]> _members = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<TrackId, AsyncReaderWriterLock[]> _titles = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ulong, AsyncReaderWriterLock> _clubs = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<TrackId, AsyncReaderWriterLock> _stepTurns = new();

    private readonly IClusterLocks _cluster = cluster ?? IClusterLocks.OneProcess;

    public Task<IDisposable> WriteAsync(TrackId trackId, CancellationToken cancellationToken) =>
        AcrossTheClusterAsync(For(trackId).EnterWriteAsync(cancellationToken), "track", trackId.ToString(), shared: false, cancellationToken);

    public Task<IDisposable> ReadAsync(TrackId trackId, CancellationToken cancellationToken) =>
        AcrossTheClusterAsync(For(trackId).EnterReadAsync(cancellationToken), "track", trackId.ToString(), shared: true, cancellationToken);

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
        AcrossTheClusterAsync(
            _clubs.GetOrAdd(guildId, static _ => new AsyncReaderWriterLock()).EnterWriteAsync(cancellationToken),
            "club",
            guildId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            shared: false,
            cancellationToken);

    /// <summary>
    /// The track's step turn: one step at a time, whoever runs it (the scheduled job, a manager's
    /// /club advance, open-voting or close-voting), so a step is chosen and performed before the next is chosen.
    /// Taken before the track's own lock, never inside it.
    /// </summary>
    public Task<IDisposable> StepTurnAsync(TrackId trackId, CancellationToken cancellationToken) =>
        AcrossTheClusterAsync(
            _stepTurns.GetOrAdd(trackId, static _ => new AsyncReaderWriterLock()).EnterWriteAsync(cancellationToken),
            "step",
            trackId.ToString(),
            shared: false,
            cancellationToken);

    private AsyncReaderWriterLock For(TrackId trackId) => _locks.GetOrAdd(trackId, static _ => new AsyncReaderWriterLock());

    /// <summary>This process's lock, then (when the store is shared) the cluster's of the same name and mode.</summary>
    private async Task<IDisposable> AcrossTheClusterAsync(Task<IDisposable> local, string kind, string id, bool shared, CancellationToken cancellationToken)
    {
        var held = await local.ConfigureAwait(false);
        if (!_cluster.IsShared)
        {
            return held;
        }

        try
        {
            return new Both(held, await _cluster.AcquireAsync(kind, id, shared, cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    private sealed class Both(IDisposable local, IAsyncDisposable cluster) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            local.Dispose();

            // The cluster's lock goes a round trip later; its release never throws (a lost connection releases it too).
            _ = cluster.DisposeAsync().AsTask();
        }
    }
}
