namespace ListeningClub.Discord.Emulator.State;

/// <summary>Counters the control API reports. Thread-safe.</summary>
public sealed class EmulatorStats(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _invalid = new();
    private long _requests;
    private long _rateLimited;
    private long _identifies;
    private long _identifiesTooSoon;
    private long _resumes;
    private long _dispatches;
    private long _deadlineMisses;

    public long Requests => Interlocked.Read(ref _requests);

    public long RateLimited => Interlocked.Read(ref _rateLimited);

    public long Identifies => Interlocked.Read(ref _identifies);

    /// <summary>Identifies refused with an Invalid Session because their max_concurrency bucket had identified less than 5 s before.</summary>
    public long IdentifiesTooSoon => Interlocked.Read(ref _identifiesTooSoon);

    public long Resumes => Interlocked.Read(ref _resumes);

    public long Dispatches => Interlocked.Read(ref _dispatches);

    public long DeadlineMisses => Interlocked.Read(ref _deadlineMisses);

    public void CountRequest(int status, bool sharedScope429)
    {
        Interlocked.Increment(ref _requests);
        if (status == 429)
        {
            Interlocked.Increment(ref _rateLimited);
        }

        if (status is 401 or 403 || (status == 429 && !sharedScope429))
        {
            lock (_gate)
            {
                _invalid.Enqueue(time.GetUtcNow());
            }
        }
    }

    public void CountIdentify() => Interlocked.Increment(ref _identifies);

    public void CountIdentifyTooSoon() => Interlocked.Increment(ref _identifiesTooSoon);

    public void CountResume() => Interlocked.Increment(ref _resumes);

    public void CountDispatch() => Interlocked.Increment(ref _dispatches);

    public void CountDeadlineMiss() => Interlocked.Increment(ref _deadlineMisses);

    /// <summary>401, 403 and 429 responses (minus shared-scope 429s) in the last 10 minutes, as Discord counts them.</summary>
    public int InvalidRequestsLast10Minutes()
    {
        var cutoff = time.GetUtcNow().AddMinutes(-10);
        lock (_gate)
        {
            while (_invalid.Count > 0 && _invalid.Peek() <= cutoff)
            {
                _invalid.Dequeue();
            }

            return _invalid.Count;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _invalid.Clear();
        }

        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _rateLimited, 0);
        Interlocked.Exchange(ref _identifies, 0);
        Interlocked.Exchange(ref _resumes, 0);
        Interlocked.Exchange(ref _dispatches, 0);
        Interlocked.Exchange(ref _deadlineMisses, 0);
    }
}
