namespace ListeningClub.Application.Locks;

/// <summary>
/// An async reader/writer lock that prefers writers. Readers (casting ballots) run side by side; a writer (closing
/// the vote) waits for the readers already inside and keeps new ones out, so no ballot can be acknowledged after the
/// count has been taken without being in it. A caller cancelled while it waits leaves the line and gets an
/// <see cref="OperationCanceledException"/>; once granted, the lock is its to release.
/// </summary>
public sealed class AsyncReaderWriterLock
{
    private readonly Lock _gate = new();
    private readonly List<TaskCompletionSource<IDisposable>> _waitingWriters = [];
    private readonly List<TaskCompletionSource<IDisposable>> _waitingReaders = [];
    private int _readers;
    private bool _writerInside;

    public Task<IDisposable> EnterReadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_writerInside && _waitingWriters.Count == 0)
            {
                _readers++;
                return Task.FromResult<IDisposable>(new Releaser(this, writer: false));
            }

            return Wait(_waitingReaders, cancellationToken);
        }
    }

    public Task<IDisposable> EnterWriteAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_writerInside && _readers == 0)
            {
                _writerInside = true;
                return Task.FromResult<IDisposable>(new Releaser(this, writer: true));
            }

            return Wait(_waitingWriters, cancellationToken);
        }
    }

    /// <summary>Joins a line (called with the gate held); a cancellation takes the waiter out of it unless it was granted already.</summary>
    private Task<IDisposable> Wait(List<TaskCompletionSource<IDisposable>> line, CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource<IDisposable>(TaskCreationOptions.RunContinuationsAsynchronously);
        line.Add(waiter);
        if (!cancellationToken.CanBeCanceled)
        {
            return waiter.Task;
        }

        var registration = cancellationToken.UnsafeRegister(_ =>
        {
            lock (_gate)
            {
                if (!line.Remove(waiter))
                {
                    return; // granted already: the holder releases it
                }
            }

            waiter.TrySetCanceled(cancellationToken);
            if (ReferenceEquals(line, _waitingWriters))
            {
                // A writer that stops waiting may have been all that kept readers out.
                ReleaseReadersIfNoWriter();
            }
        }, null);
        _ = waiter.Task.ContinueWith(static (_, state) => ((CancellationTokenRegistration)state!).Dispose(), registration, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return waiter.Task;
    }

    private void ReleaseReadersIfNoWriter()
    {
        List<TaskCompletionSource<IDisposable>>? readers = null;
        lock (_gate)
        {
            if (!_writerInside && _waitingWriters.Count == 0 && _waitingReaders.Count > 0)
            {
                readers = [.. _waitingReaders];
                _waitingReaders.Clear();
                _readers += readers.Count;
            }
        }

        foreach (var reader in readers ?? [])
        {
            reader.SetResult(new Releaser(this, writer: false));
        }
    }

    private void ExitRead()
    {
        TaskCompletionSource<IDisposable>? next = null;
        lock (_gate)
        {
            _readers--;
            if (_readers == 0 && _waitingWriters.Count > 0)
            {
                _writerInside = true;
                next = Dequeue(_waitingWriters);
            }
        }

        next?.SetResult(new Releaser(this, writer: true));
    }

    private void ExitWrite()
    {
        TaskCompletionSource<IDisposable>? nextWriter = null;
        List<TaskCompletionSource<IDisposable>>? readers = null;
        lock (_gate)
        {
            if (_waitingWriters.Count > 0)
            {
                nextWriter = Dequeue(_waitingWriters);
            }
            else
            {
                _writerInside = false;
                readers = [.. _waitingReaders];
                _waitingReaders.Clear();
                _readers += readers.Count;
            }
        }

        nextWriter?.SetResult(new Releaser(this, writer: true));
        foreach (var reader in readers ?? [])
        {
            reader.SetResult(new Releaser(this, writer: false));
        }
    }

    private static TaskCompletionSource<IDisposable> Dequeue(List<TaskCompletionSource<IDisposable>> line)
    {
        var first = line[0];
        line.RemoveAt(0);
        return first;
    }

    private sealed class Releaser(AsyncReaderWriterLock owner, bool writer) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            if (writer)
            {
                owner.ExitWrite();
            }
            else
            {
                owner.ExitRead();
            }
        }
    }
}
