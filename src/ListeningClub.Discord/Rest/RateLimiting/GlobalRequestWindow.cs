namespace ListeningClub.Discord.Rest.RateLimiting;

/// <summary>
/// The proactive global limit (N bot requests per second) and global 429 pauses, served first come, first served.
/// <para>
/// A request counts from the moment its slot is granted until one second after its response arrived: Discord counted
/// it at some instant between the two, so at most N requests can ever fall into any one-second window on Discord's
/// side, whatever phase that window has and however long a request took to get there. (A fixed window on our side,
/// started when the first slot is taken, is not enough: requests held up on the way, e.g. while connections open,
/// land in Discord's next window together with our next burst, and Discord answers them with global 429s.)
/// </para>
/// <para>
/// Waiters are granted in the order they asked, so a burst spread over many buckets goes out in the order it was
/// queued instead of whichever waiter's timer fires first; that keeps every bucket's share even and no bucket's
/// messages pile up at the end against its own limit.
/// </para>
/// </summary>
internal sealed class GlobalRequestWindow : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _time;
    private readonly int _perSecond;
    private readonly Lock _lock = new();
    private readonly Queue<long> _completed = new();
    private readonly Queue<TaskCompletionSource> _waiters = new();
    private readonly ITimer _timer;
    private int _inFlight;
    private long _pausedUntil;

    public GlobalRequestWindow(TimeProvider time, int perSecond)
    {
        _time = time;
        _perSecond = perSecond;
        _timer = time.CreateTimer(static state => ((GlobalRequestWindow)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Completes once this request holds a slot; the caller must then call <see cref="Complete"/> exactly once.</summary>
    public Task WaitAsync(CancellationToken ct)
    {
        TaskCompletionSource waiter;
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            if (_waiters.Count == 0 && NextFreeIn(now) == TimeSpan.Zero)
            {
                _inFlight++;
                return Task.CompletedTask;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Enqueue(waiter);
            Arm(now);
        }

        return ct.CanBeCanceled ? WaitCancellableAsync(waiter, ct) : waiter.Task;
    }

    private static async Task WaitCancellableAsync(TaskCompletionSource waiter, CancellationToken ct)
    {
        // A cancelled waiter stays queued but is skipped when its turn comes (TrySetResult fails), taking no slot.
        using (ct.UnsafeRegister(static (state, token) => ((TaskCompletionSource)state!).TrySetCanceled(token), waiter))
        {
            await waiter.Task.ConfigureAwait(false);
        }
    }

    /// <summary>The request holding a slot got its response (or failed): its slot frees one second from now.</summary>
    public void Complete()
    {
        lock (_lock)
        {
            _inFlight--;
            var now = _time.GetTimestamp();
            _completed.Enqueue(now);
            if (_waiters.Count > 0)
            {
                Arm(now);
            }
        }
    }

    /// <summary>A global 429: nobody is granted a slot before <paramref name="duration"/> has passed.</summary>
    public void Pause(TimeSpan duration)
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            _pausedUntil = Math.Max(_pausedUntil, now + (long)(duration.TotalSeconds * _time.TimestampFrequency));
            if (_waiters.Count > 0)
            {
                Arm(now);
            }
        }
    }

    public void Dispose() => _timer.Dispose();

    private void OnTimer()
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            while (_waiters.Count > 0 && NextFreeIn(now) == TimeSpan.Zero)
            {
                if (_waiters.Dequeue().TrySetResult())
                {
                    _inFlight++;
                }
            }

            if (_waiters.Count > 0)
            {
                Arm(now);
            }
        }
    }

    /// <summary>Zero when a slot is free now; otherwise when one frees, or <see cref="Timeout.InfiniteTimeSpan"/> while every slot is in flight.</summary>
    private TimeSpan NextFreeIn(long now)
    {
        if (now < _pausedUntil)
        {
            return _time.GetElapsedTime(now, _pausedUntil);
        }

        while (_completed.Count > 0 && _time.GetElapsedTime(_completed.Peek(), now) >= Window)
        {
            _completed.Dequeue();
        }

        if (_inFlight + _completed.Count < _perSecond)
        {
            return TimeSpan.Zero;
        }

        return _completed.Count > 0 ? Window - _time.GetElapsedTime(_completed.Peek(), now) : Timeout.InfiniteTimeSpan;
    }

    /// <summary>Sets the timer for when the next slot frees (with every slot in flight, <see cref="Complete"/> re-arms it).</summary>
    private void Arm(long now)
    {
        var due = NextFreeIn(now);
        if (due == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        _timer.Change(due == TimeSpan.Zero ? TimeSpan.FromTicks(1) : due, Timeout.InfiniteTimeSpan);
    }
}
