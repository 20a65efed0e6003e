namespace ListeningClub.Domain.Common;

/// <summary>
/// An async reader/writer lock that prefers writers. Readers (casting ballots) run side by side; a writer (closing
/// the vote) waits for the readers already inside and keeps new ones out, so no ballot can be acknowledged after the
/// count has been taken without being in it.
/// </summary>
public sealed class AsyncReaderWriterLock
{
    private readonly Lock _gate = new();
    private readonly Queue<TaskCompletionSource<IDisposable>> _waitingWriters = new();
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

            var waiter = new TaskCompletionSource<IDisposable>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waitingReaders.Add(waiter);
            return waiter.Task;
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

            var waiter = new TaskCompletionSource<IDisposable>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waitingWriters.Enqueue(waiter);
            return waiter.Task;
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
                next = _waitingWriters.Dequeue();
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
                nextWriter = _waitingWriters.Dequeue();
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
