using System.Threading.Channels;
using Npgsql;

namespace ListeningClub.Storage.Postgres.Engine;

/// <summary>
/// Group commit for the hot small writes (ballots, ratings): callers queue a statement into one of a few lanes (chosen by
/// the row's key, so writes of one key stay in order in one lane); each lane's loop takes everything queued
/// (at most <see cref="PostgresStoreSettings.MaxBatchSize"/>) without waiting for more, sends it as one batch in one
/// transaction, and completes each caller only after the commit returned (with <c>synchronous_commit</c> on, that is
/// after the WAL is flushed). A lone write commits at once; under load each batch is what queued during the previous
/// commit. Statements run in queue order, so a later write of the same key wins. A batch is one round trip: its
/// statements go in one <see cref="NpgsqlBatch"/>, which PostgreSQL runs as one implicit transaction (all or nothing),
/// and consecutive ballot upserts are merged into one <c>INSERT … SELECT FROM unnest(…)</c> (the last ballot of a key in
/// the run wins, as it would have in order). When a batch fails on a statement, it is rolled back and every write in it is
/// retried alone, so only the failing write's caller sees the error. When the server cannot be reached (restarting,
/// stopped), the batch is retried as a whole (<see cref="StoreRetry"/>: every write in it is an upsert or delete keyed
/// by its row, so repeating a batch whose commit answer was lost writes the same rows again, and the lane sends nothing
/// else meanwhile, so order holds); when that did not help, every caller in it gets a
/// <see cref="ListeningClub.Domain.Common.StoreUnavailableException"/> (never an acknowledgement) and the loop goes on to
/// the next batch. Several lanes keep several commits in flight, so the server's own WAL group commit can share one flush
/// among them instead of each batch waiting for the previous one.
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly StoreRetry _retry;
    private readonly int _maxBatchSize;
    private readonly Channel<PendingWrite>[] _lanes;
    private readonly Task[] _loops;
    private long _commits;

    public GroupCommitWriter(NpgsqlDataSource dataSource, StoreRetry retry, int maxBatchSize, int lanes)
    {
        _dataSource = dataSource;
        _retry = retry;
        _maxBatchSize = Math.Max(1, maxBatchSize);
        _lanes = Enumerable.Range(0, Math.Max(1, lanes)).Select(_ => Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true })).ToArray();
        _loops = _lanes.Select(lane => Task.Run(() => RunAsync(lane.Reader))).ToArray();
    }

    /// <summary>Transactions committed so far (tests: concurrent writers share commits).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Queues <paramref name="statement"/> (writing the row keyed by <paramref name="cycleId"/> and <paramref name="memberId"/>); completes once its transaction has committed.</summary>
    public Task WriteAsync(Guid cycleId, long memberId, Func<NpgsqlBatchCommand> statement, CancellationToken cancellationToken) =>
        Enqueue(cycleId, memberId, new PendingWrite(statement, null, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), cancellationToken));

    /// <summary>Queues a ballot upsert (merged with its neighbours in the queue); completes once its transaction has committed.</summary>
    public Task UpsertBallotAsync(BallotRow ballot, CancellationToken cancellationToken) =>
        Enqueue(ballot.CycleId, ballot.MemberId, new PendingWrite(null, ballot, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), cancellationToken));

    private Task Enqueue(Guid cycleId, long memberId, PendingWrite pending)
    {
        pending.CancellationToken.ThrowIfCancellationRequested();
        var lane = _lanes[(int)((uint)HashCode.Combine(cycleId, memberId) % (uint)_lanes.Length)];
        if (!lane.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(GroupCommitWriter), "The PostgreSQL store is closed.");
        }

        return pending.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var lane in _lanes)
        {
            lane.Writer.TryComplete();
        }

        await Task.WhenAll(_loops).ConfigureAwait(false);
    }

    private async Task RunAsync(ChannelReader<PendingWrite> queue)
    {
        var batch = new List<PendingWrite>(_maxBatchSize);
        while (await queue.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < _maxBatchSize && queue.TryRead(out var pending))
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
                // (A server that went away is not this: StoreRetry turned that into StoreUnavailableException.)
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

    /// <summary>Commits <paramref name="writes"/> in one transaction, retried while the server cannot be reached.</summary>
    private Task CommitAsync(IReadOnlyList<PendingWrite> writes) =>
        _retry.RunAsync(ct => CommitOnceAsync(writes, ct), repeatable: true, CancellationToken.None);

    private async Task CommitOnceAsync(IReadOnlyList<PendingWrite> writes, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (var batch = new NpgsqlBatch(connection))
        {
            var ballots = new List<BallotRow>();
            foreach (var write in writes)
            {
                if (write.Ballot is { } ballot)
                {
                    ballots.Add(ballot);
                    continue;
                }

                FlushBallots(batch, ballots);
                batch.BatchCommands.Add(write.Statement!());
            }

            FlushBallots(batch, ballots);
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        Interlocked.Increment(ref _commits);
    }

    /// <summary>One statement for a run of ballot upserts: the last of each (cycle, member) wins, as in queue order.</summary>
    private static void FlushBallots(NpgsqlBatch batch, List<BallotRow> ballots)
    {
        if (ballots.Count == 0)
        {
            return;
        }

        var last = new Dictionary<(Guid, long), int>(ballots.Count);
        for (var i = 0; i < ballots.Count; i++)
        {
            last[(ballots[i].CycleId, ballots[i].MemberId)] = i;
        }

        var rows = last.Values.Order().Select(i => ballots[i]).ToList();
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO ballots (cycle_id, member_id, choices, cast_at)
            SELECT c, m, CASE WHEN ch = '' THEN '{}'::uuid[] ELSE string_to_array(ch, ',')::uuid[] END, t
            FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::bigint[]) AS b(c, m, ch, t)
            ON CONFLICT (cycle_id, member_id) DO UPDATE SET choices = excluded.choices, cast_at = excluded.cast_at
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = rows.Select(r => r.CycleId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = rows.Select(r => r.MemberId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = rows.Select(r => string.Join(',', r.Choices)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = rows.Select(r => r.CastAtTicks).ToArray() });
        batch.BatchCommands.Add(command);
        ballots.Clear();
    }

    private sealed record PendingWrite(Func<NpgsqlBatchCommand>? Statement, BallotRow? Ballot, TaskCompletionSource Done, CancellationToken CancellationToken);
}

/// <summary>A ballot as its row: the member id as the bigint with the same bits, the instant as UTC ticks.</summary>
internal sealed record BallotRow(Guid CycleId, long MemberId, Guid[] Choices, long CastAtTicks);
