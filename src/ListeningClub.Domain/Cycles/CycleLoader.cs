using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;

namespace ListeningClub.Domain.Cycles;

/// <summary>Finds a track's current cycle, starting the first one if the track has none yet.</summary>
public static class CycleLoader
{
    public static async Task<Cycle> CurrentAsync(this ICycleRepository cycles, Track track, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cycles);
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(time);
        var current = await cycles.GetCurrentAsync(track.Id, cancellationToken).ConfigureAwait(false);
        if (current is not null)
        {
            return current;
        }

        var first = Cycle.Start(track, 1, time.GetUtcNow());
        await cycles.SaveAsync(first, cancellationToken).ConfigureAwait(false);
        return first;
    }
}

/// <summary>
/// One reader/writer lock per track, shared by every service. Changes to the cycle or its list take the write side;
/// ballots and ratings take the read side, so they run in parallel but never straddle a phase change.
/// </summary>
public sealed class TrackLocks
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<TrackId, AsyncReaderWriterLock> _locks = new();

    public Task<IDisposable> WriteAsync(TrackId trackId, CancellationToken cancellationToken) => For(trackId).EnterWriteAsync(cancellationToken);

    public Task<IDisposable> ReadAsync(TrackId trackId, CancellationToken cancellationToken) => For(trackId).EnterReadAsync(cancellationToken);

    private AsyncReaderWriterLock For(TrackId trackId) => _locks.GetOrAdd(trackId, static _ => new AsyncReaderWriterLock());
}
