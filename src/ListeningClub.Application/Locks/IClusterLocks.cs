namespace ListeningClub.Application.Locks;

/// <summary>
/// Locks held across every process that serves the same store: when several bot instances share one database, a
/// track's phase change on one instance and a ballot on another must not straddle each other, and one outbox post must
/// not be attempted by two instances at once. Implemented by the store that can be shared (PostgreSQL's advisory
/// locks, released by the server when the holder's process dies); a store only one process can open needs none
/// (<see cref="OneProcess"/>). A lock is named by a kind (<c>"track"</c>, <c>"club"</c>, …) and an id within it.
/// </summary>
public interface IClusterLocks
{
    /// <summary>False when only this process serves the store, so its own locks are all there is.</summary>
    bool IsShared { get; }

    /// <summary>Waits for the lock: holders with <paramref name="sideBySide"/> run side by side; any other holder runs alone. Disposing releases it.</summary>
    Task<IAsyncDisposable> AcquireAsync(string kind, string id, bool sideBySide, CancellationToken cancellationToken);

    /// <summary>The lock, exclusive, if no process holds it now; otherwise null at once.</summary>
    Task<IAsyncDisposable?> TryAcquireAsync(string kind, string id, CancellationToken cancellationToken);

    /// <summary>For a store that only one process opens: every lock is granted at once, and the process's own locks do the work.</summary>
    public static IClusterLocks OneProcess { get; } = new SingleProcess();

    private sealed class SingleProcess : IClusterLocks, IAsyncDisposable
    {
        public bool IsShared => false;

        public Task<IAsyncDisposable> AcquireAsync(string kind, string id, bool sideBySide, CancellationToken cancellationToken) => Task.FromResult<IAsyncDisposable>(this);

        public Task<IAsyncDisposable?> TryAcquireAsync(string kind, string id, CancellationToken cancellationToken) => Task.FromResult<IAsyncDisposable?>(this);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
