namespace ListeningClub.Discord.Gateway;

/// <summary>
/// Discord allows 120 client payloads per 60 s per connection. Ordinary sends stop at
/// <c>120 - reserved</c> so heartbeats always have room.
/// </summary>
internal sealed class GatewaySendLimiter(TimeProvider time, int limit = 120, int reservedForHeartbeats = 8)
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private readonly Queue<long> _sent = new();
    private readonly Lock _lock = new();

    public async ValueTask AcquireAsync(bool heartbeat, CancellationToken ct)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = time.GetTimestamp();
                while (_sent.Count > 0 && time.GetElapsedTime(_sent.Peek(), now) >= Window)
                {
                    _sent.Dequeue();
                }

                var allowed = heartbeat ? limit : limit - reservedForHeartbeats;
                if (_sent.Count < allowed)
                {
                    _sent.Enqueue(now);
                    return;
                }

                var oldestThatMustExpire = _sent.ElementAt(_sent.Count - allowed);
                wait = Window - time.GetElapsedTime(oldestThatMustExpire, now);
            }

            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), time, ct).ConfigureAwait(false);
        }
    }
}
