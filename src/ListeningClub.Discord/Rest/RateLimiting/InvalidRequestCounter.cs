namespace ListeningClub.Discord.Rest.RateLimiting;

/// <summary>401/403/429 responses in a sliding 10 minutes (Discord bans the IP at 10,000).</summary>
internal sealed class InvalidRequestCounter(TimeProvider time, int pauseThreshold)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly Queue<long> _stamps = new();
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                Expire(time.GetTimestamp());
                return _stamps.Count;
            }
        }
    }

    public void Record()
    {
        lock (_lock)
        {
            var now = time.GetTimestamp();
            Expire(now);
            _stamps.Enqueue(now);
        }
    }

    /// <summary>How long to pause so the count in the window drops below the threshold; zero when fine.</summary>
    public TimeSpan PauseNeeded()
    {
        lock (_lock)
        {
            var now = time.GetTimestamp();
            Expire(now);
            if (_stamps.Count < pauseThreshold)
            {
                return TimeSpan.Zero;
            }

            // The window must shed (count - threshold + 1) entries: wait for that entry to expire.
            var shed = _stamps.Count - pauseThreshold + 1;
            var stamp = _stamps.ElementAt(shed - 1);
            var expiresIn = Window - time.GetElapsedTime(stamp, now);
            return expiresIn > TimeSpan.Zero ? expiresIn : TimeSpan.FromMilliseconds(1);
        }
    }

    private void Expire(long now)
    {
        while (_stamps.Count > 0 && time.GetElapsedTime(_stamps.Peek(), now) >= Window)
        {
            _stamps.Dequeue();
        }
    }
}
