using System.Threading.Channels;
using Npgsql;

namespace ListeningClub.Storage.Postgres.Engine;

/// <summary>
/// Group commit for the hot small writes (ballots, ratings): callers queue a statement; one loop takes everything queued
/// (at most <see cref="PostgresStoreSettings.MaxBatchSize"/>) without waiting for more, sends it as one batch in one
/// transaction, and completes each caller only after the commit returned (with <c>synchronous_commit</c> on, that is
/// after the WAL is flushed). A lone write commits at once; under load each batch is what queued during the previous
/// commit. Statements run in queue order, so a later write of the same key wins. When a batch fails on a statement,
/// the batch is rolled back and every write in it is retried alone, so only the failing write's caller sees the error.
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly int _maxBatchSize;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private long _commits;

    public GroupCommitWriter(NpgsqlDataSource dataSource, int maxBatchSize)
    {
        _dataSource = dataSource;
        _maxBatchSize = Math.Max(1, maxBatchSize);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Transactions committed so far (tests: concurrent writers share commits).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Queues <paramref name="statement"/>; completes once its transaction has committed.</summary>
    public Task WriteAsync(Func<NpgsqlBatchCommand> statement, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingWrite(statement, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(GroupCommitWriter), "The PostgreSQL store is closed.");
        }

        return pending.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingWrite>(_maxBatchSize);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < _maxBatchSize && _queue.Reader.TryRead(out var pending))
            {
                if (pending.CancellationToken.IsCancellationRequested)
                {
                    pending.Done.TrySetCanceled(pending.CancellationToken);
                    continue;
                }

                batch.Add(pending);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                await CommitAsync(batch).ConfigureAwait(false);
                foreach (var pending in batch)
                {
                    pending.Done.TrySetResult();
                }
            }
            catch (PostgresException) when (batch.Count > 1)
            {
                // One statement broke a rule: the transaction rolled back. Retry each alone so only its caller fails.
                foreach (var pending in batch)
                {
                    await CommitAloneAsync(pending).ConfigureAwait(false);
                }
            }
            catch (Exception ex)
            {
                foreach (var pending in batch)
                {
                    pending.Done.TrySetException(ex);
                }
            }
        }
    }

    private async Task CommitAloneAsync(PendingWrite pending)
    {
        try
        {
            await CommitAsync([pending]).ConfigureAwait(false);
            pending.Done.TrySetResult();
        }
        catch (Exception ex)
        {
            pending.Done.TrySetException(ex);
        }
    }

    private async Task CommitAsync(IReadOnlyList<PendingWrite> writes)
    {
        await using var connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            foreach (var write in writes)
            {
                batch.BatchCommands.Add(write.Statement());
            }

            await batch.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        await transaction.CommitAsync().ConfigureAwait(false);
        Interlocked.Increment(ref _commits);
    }

    private sealed record PendingWrite(Func<NpgsqlBatchCommand> Statement, TaskCompletionSource Done, CancellationToken CancellationToken);
}
