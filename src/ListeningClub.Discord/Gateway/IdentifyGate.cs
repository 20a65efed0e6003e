namespace ListeningClub.Discord.Gateway;

/// <summary>
/// Discord's identify rate: each <c>max_concurrency</c> bucket (<c>shard_id % max_concurrency</c>) may start one session
/// per 5 seconds; identifying faster gets an Invalid Session (op 9). The process's shards take turns here: a turn waits
/// for its bucket's previous identify to be 5 s old, and holds the bucket until its own identify is sent (or its
/// connection fails), so no two identifies of a bucket are ever closer than 5 s.
/// </summary>
public sealed class IdentifyGate(TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    private readonly Lock _lock = new();
    private readonly Dictionary<int, Bucket> _buckets = [];

    /// <summary>Waits for the shard's turn to identify. Dispose the turn when done; call <see cref="Turn.Sent"/> when the identify went out.</summary>
    public async Task<Turn> WaitTurnAsync(int shardId, int maxConcurrency, CancellationToken ct)
    {
        var key = shardId % Math.Max(1, maxConcurrency);
        Bucket bucket;
        lock (_lock)
        {
            if (!_buckets.TryGetValue(key, out bucket!))
            {
                bucket = new Bucket();
                _buckets[key] = bucket;
            }
        }

        await bucket.Held.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (bucket.LastSent != 0 && time.GetElapsedTime(bucket.LastSent) is var since && since < Window)
            {
                await Task.Delay(Window - since, time, ct).ConfigureAwait(false);
            }
        }
        catch
        {
            bucket.Held.Release();
            throw;
        }

        return new Turn(bucket, time);
    }

    internal sealed class Bucket
    {
        public SemaphoreSlim Held { get; } = new(1, 1);

        public long LastSent { get; set; }
    }

    /// <summary>A shard's turn to identify; the bucket is the shard's until disposed.</summary>
    public sealed class Turn : IDisposable
    {
        private readonly TimeProvider _time;
        private Bucket? _bucket;

        internal Turn(Bucket bucket, TimeProvider time)
        {
            _bucket = bucket;
            _time = time;
        }

        /// <summary>The identify went out now: the bucket's next identify waits 5 s from here.</summary>
        public void Sent()
        {
            if (_bucket is { } bucket)
            {
                bucket.LastSent = _time.GetTimestamp();
            }
        }

        public void Dispose() => Interlocked.Exchange(ref _bucket, null)?.Held.Release();
    }
}
