// Long on purpose: the writer thread's loop, group commit, failure isolation and checkpoints share one thread's state and its ordering rules.
using LiteDB;
using Microsoft.Extensions.Logging;

namespace ListeningClub.Storage.Engine;

/// <summary>
/// Every write to the database goes through this one thread. It drains the queue into batches (at most
/// <see cref="WriterSettings.MaxBatchSize"/>), runs each batch in ONE LiteDB transaction and acknowledges each caller only after that
/// transaction has committed and is durable. A failing operation rolls its batch back; the others are retried without
/// it, so one bad write never fails its neighbours. Transactions in LiteDB belong to a thread, and this thread never
/// awaits, so no transaction ever spans an await. Readers do not come here: they read the last committed state directly.
/// <para>
/// Classic group commit: the writer never waits for more work. A lone write is committed at once; under load each batch
/// is whatever queued while the previous commit ran, so batches grow with the load and latency stays about two commits.
/// </para>
/// <para>
/// The writer also owns checkpoints (LiteDB's own auto-checkpoint is off, because it copies the log into the data file
/// inside whichever commit crosses the threshold, stalling every queued writer): it checkpoints when it has had nothing
/// to do for <see cref="WriterSettings.IdleCheckpointDelay"/>, and, under sustained load, right after the commit that
/// takes the log to <see cref="WriterSettings.CheckpointLogBytes"/>, so the log never grows past that plus one commit.
/// </para>
/// </summary>
internal sealed class SingleWriter : IAsyncDisposable
{
    private readonly LiteDatabase _db;
    private readonly Action _makeDurable;
    private readonly Func<long> _logLength;
    private readonly WriterSettings _settings;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private readonly Queue<WriteOperation> _queue = new();
    private readonly Thread _thread;
    private readonly ITimer _idleTimer;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _completing;
    private bool _idleCheckpointDue;
    private long _batchesTaken;
    private long _armedAtBatch = -1;
    private long _commits;
    private long _committedOperations;
    private long _executeTicks;
    private long _commitTicks;
    private long _durableTicks;
    private long _checkpoints;
    private long _checkpointTicks;
    private long _longestCheckpointTicks;
    private long _largestLogBytes;
    private long _logBytesAfterCommit;
    private readonly Lock _engineTurn;

    /// <param name="engineTurn">Held while the writer is inside LiteDB (a transaction up to its commit, a checkpoint); readers take it too (see <see cref="LiteStore"/>). Not held while waiting for the disk.</param>
    public SingleWriter(LiteDatabase db, Lock engineTurn, Action makeDurable, Func<long> logLength, WriterSettings settings, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxBatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.CheckpointLogBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(settings.IdleCheckpointDelay, TimeSpan.Zero);
        _db = db;
        _engineTurn = engineTurn;
        _makeDurable = makeDurable;
        _logLength = logLength;
        _settings = settings;
        _logger = logger;
        _idleTimer = time.CreateTimer(_ => OnIdleTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _thread = new Thread(Run) { IsBackground = true, Name = "ListeningClub storage writer" };
        _thread.Start();
    }

    /// <summary>Raised on the writer thread after each checkpoint it ran (for tests and diagnostics).</summary>
    public event Action<CheckpointReason>? Checkpointed;

    /// <summary>Transactions committed so far.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Operations acknowledged after a commit so far.</summary>
    public long CommittedOperations => Interlocked.Read(ref _committedOperations);

    /// <summary>Where the writer's time went so far: running operations, LiteDB's Commit, waiting for the log to be durable.</summary>
    public (TimeSpan Execute, TimeSpan Commit, TimeSpan Durable) Timings => (
        TimeSpan.FromTicks(Interlocked.Read(ref _executeTicks) * TimeSpan.TicksPerSecond / System.Diagnostics.Stopwatch.Frequency),
        TimeSpan.FromTicks(Interlocked.Read(ref _commitTicks) * TimeSpan.TicksPerSecond / System.Diagnostics.Stopwatch.Frequency),
        TimeSpan.FromTicks(Interlocked.Read(ref _durableTicks) * TimeSpan.TicksPerSecond / System.Diagnostics.Stopwatch.Frequency));

    /// <summary>Checkpoints run by the writer so far (idle, log full, or requested), their total and longest duration.</summary>
    public (long Count, TimeSpan Total, TimeSpan Longest) CheckpointStats => (
        Interlocked.Read(ref _checkpoints),
        System.Diagnostics.Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _checkpointTicks)),
        System.Diagnostics.Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _longestCheckpointTicks)));

    /// <summary>The longest the log has been after a commit (bytes).</summary>
    public long LargestLogBytes => Interlocked.Read(ref _largestLogBytes);

    /// <summary>Queues <paramref name="work"/> to run inside the next batch's transaction; completes after that batch commits.</summary>
    public Task<T> WriteAsync<T>(Func<LiteDatabase, T> work, CancellationToken cancellationToken = default) =>
        Enqueue(work, exclusive: false, cancellationToken);

    /// <summary>Queues <paramref name="work"/> to run alone, after everything queued before it has committed, outside any transaction.</summary>
    public Task<T> ExclusiveAsync<T>(Func<LiteDatabase, T> work, CancellationToken cancellationToken = default) =>
        Enqueue(work, exclusive: true, cancellationToken);

    /// <summary>Folds the log into the data file after everything queued before it has committed.</summary>
    public Task CheckpointAsync(CancellationToken cancellationToken = default) =>
        ExclusiveAsync(
            _ =>
            {
                Checkpoint(CheckpointReason.Requested);
                return true;
            },
            cancellationToken);

    /// <summary>Stops taking work, finishes everything already queued, and stops the thread.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _completing = true;
            Monitor.PulseAll(_gate);
        }

        try
        {
            await _stopped.Task.ConfigureAwait(false);
        }
        finally
        {
            _idleTimer.Dispose();
        }
    }

    private Task<T> Enqueue<T>(Func<LiteDatabase, T> work, bool exclusive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        var operation = new WriteOperation<T>(work, exclusive, cancellationToken);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_completing, this);
            _queue.Enqueue(operation);
            if (_queue.Count == 1)
            {
                Monitor.Pulse(_gate);
            }
        }

        return operation.Task;
    }

    private List<WriteOperation>? TakeBatch()
    {
        lock (_gate)
        {
            while (_queue.Count == 0)
            {
                if (_completing)
                {
                    return null;
                }

                if (_idleCheckpointDue)
                {
                    _idleCheckpointDue = false;
                    return [];
                }

                Monitor.Wait(_gate);
            }

            _idleCheckpointDue = false;
            _batchesTaken++;
            var batch = new List<WriteOperation>(Math.Min(_queue.Count, _settings.MaxBatchSize));
            while (batch.Count < _settings.MaxBatchSize && _queue.TryDequeue(out var operation))
            {
                batch.Add(operation);
            }

            return batch;
        }
    }

    private void Run()
    {
        try
        {
            while (TakeBatch() is { } batch)
            {
                if (batch.Count == 0)
                {
                    if (_logLength() > 0)
                    {
                        TryCheckpoint(CheckpointReason.Idle);
                    }

                    continue;
                }

                var start = 0;
                while (start < batch.Count)
                {
                    if (batch[start].IsExclusive)
                    {
                        RunExclusive(batch[start]);
                        start++;
                        continue;
                    }

                    var end = start;
                    while (end < batch.Count && !batch[end].IsExclusive)
                    {
                        end++;
                    }

                    CommitGroup(batch.GetRange(start, end - start));
                    start = end;
                }

                if (_logBytesAfterCommit >= _settings.CheckpointLogBytes)
                {
                    TryCheckpoint(CheckpointReason.LogFull);
                }
            }

            _stopped.TrySetResult();
        }
#pragma warning disable CA1031 // The writer thread must never die silently: every queued caller is failed, then the exception surfaces on DisposeAsync.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogCritical(ex, "The storage writer stopped unexpectedly");
            lock (_gate)
            {
                _completing = true;
                while (_queue.TryDequeue(out var operation))
                {
                    operation.Fail(ex);
                }
            }

            _stopped.TrySetException(ex);
        }
    }

    private void RunExclusive(WriteOperation operation)
    {
        try
        {
            operation.Execute(_db);
            operation.Acknowledge();
        }
#pragma warning disable CA1031 // The caller receives the exception; the writer carries on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            operation.Fail(ex);
        }
    }

    private void CommitGroup(List<WriteOperation> pending)
    {
        while (pending.Count > 0)
        {
            _engineTurn.Enter();
            var inTurn = true;
            try
            {
                try
                {
                    if (!_db.BeginTrans())
                    {
                        throw new InvalidOperationException("The storage writer found a transaction already open on its thread.");
                    }
                }
#pragma warning disable CA1031 // The database cannot start a transaction (closed, broken disk): every caller in the group gets the reason.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    FailAll(pending, ex);
                    return;
                }

                var failedAt = -1;
                Exception? failure = null;
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                for (var i = 0; i < pending.Count; i++)
                {
                    try
                    {
                        pending[i].Execute(_db);
                    }
#pragma warning disable CA1031 // One failing operation must not fail its neighbours: it is removed and the rest retried.
                    catch (Exception ex)
#pragma warning restore CA1031
                    {
                        failedAt = i;
                        failure = ex;
                        break;
                    }
                }

                if (failure is not null)
                {
                    RollbackQuietly();
                    pending[failedAt].Fail(failure);
                    pending.RemoveAt(failedAt);
                    continue;
                }

                var executed = System.Diagnostics.Stopwatch.GetTimestamp();
                Interlocked.Add(ref _executeTicks, executed - started);
                try
                {
                    _db.Commit();
                    var committed = System.Diagnostics.Stopwatch.GetTimestamp();
                    Interlocked.Add(ref _commitTicks, committed - executed);

                    // Out of LiteDB: readers may go on while the commit reaches the disk.
                    _engineTurn.Exit();
                    inTurn = false;
                    _makeDurable();
                    var durable = System.Diagnostics.Stopwatch.GetTimestamp();
                    Interlocked.Add(ref _durableTicks, durable - committed);
                    _logBytesAfterCommit = _logLength();
                    NoteLogLength(_logBytesAfterCommit);
                }
#pragma warning disable CA1031 // The commit itself failed: nobody in the group may be told their write is safe.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    _logger.LogError(ex, "A storage commit of {Count} operations failed", pending.Count);
                    RollbackQuietly();
                    FailAll(pending, ex);
                    return;
                }
            }
            finally
            {
                if (inTurn)
                {
                    _engineTurn.Exit();
                }
            }

            Interlocked.Increment(ref _commits);
            Interlocked.Add(ref _committedOperations, pending.Count);
            ArmIdleCheckpoint();
            foreach (var operation in pending)
            {
                operation.Acknowledge();
            }

            return;
        }
    }

    /// <summary>
    /// Called after each commit, before its callers are released (so a caller that has been acknowledged knows the
    /// timer is armed): if no further batch is taken within the idle delay, the writer checkpoints.
    /// </summary>
    private void ArmIdleCheckpoint()
    {
        Volatile.Write(ref _armedAtBatch, _batchesTaken);
        _idleTimer.Change(_settings.IdleCheckpointDelay, Timeout.InfiniteTimeSpan);
    }

    private void OnIdleTimer()
    {
        lock (_gate)
        {
            if (_batchesTaken == Volatile.Read(ref _armedAtBatch) && _queue.Count == 0 && !_completing)
            {
                _idleCheckpointDue = true;
                Monitor.Pulse(_gate);
            }
        }
    }

    /// <summary>A checkpoint the writer decided on: a failure is logged (every commit is already durable in the log) and the writer carries on.</summary>
    private void TryCheckpoint(CheckpointReason reason)
    {
        try
        {
            Checkpoint(reason);
        }
#pragma warning disable CA1031 // The log still holds every committed write; the next idle moment or full log tries again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogError(ex, "A {Reason} checkpoint failed; the log keeps the data and the checkpoint will be retried", reason);
        }
    }

    private void Checkpoint(CheckpointReason reason)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        lock (_engineTurn)
        {
            _db.Checkpoint();
        }

        var ticks = System.Diagnostics.Stopwatch.GetTimestamp() - started;
        Interlocked.Increment(ref _checkpoints);
        _logBytesAfterCommit = _logLength();
        Interlocked.Add(ref _checkpointTicks, ticks);
        if (ticks > Interlocked.Read(ref _longestCheckpointTicks))
        {
            Interlocked.Exchange(ref _longestCheckpointTicks, ticks);
        }

        Checkpointed?.Invoke(reason);
    }

    private void NoteLogLength(long bytes)
    {
        if (bytes > Interlocked.Read(ref _largestLogBytes))
        {
            Interlocked.Exchange(ref _largestLogBytes, bytes);
        }
    }

    private void RollbackQuietly()
    {
        try
        {
            _db.Rollback();
        }
#pragma warning disable CA1031 // LiteDB may already have rolled the transaction back after the failure; the retry starts a fresh one either way.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogDebug(ex, "Rollback after a failed storage operation reported an error");
        }
    }

    private static void FailAll(List<WriteOperation> operations, Exception exception)
    {
        foreach (var operation in operations)
        {
            operation.Fail(exception);
        }
    }
}
