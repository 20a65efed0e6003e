using ListeningClub.Catalogue.Http;

namespace ListeningClub.Catalogue.MusicBrainz;

/// <summary>
/// The one MusicBrainz queue of the process: requests go out first come, first served, at least
/// <see cref="MusicBrainzOptions.MinInterval"/> apart, timed on the injected <see cref="TimeProvider"/>'s monotonic
/// clock. A waiter that gives up (its token) leaves the queue without disturbing the others; after a 503 everyone
/// waits (<see cref="BackOff"/>). A full queue answers at once with <see cref="CatalogueBusyException"/>.
/// </summary>
internal sealed class MusicBrainzRateGate(TimeProvider time, Func<(TimeSpan Interval, int MaxQueue)> settings)
{
    private readonly Lock _lock = new();
    private readonly LinkedList<Waiter> _queue = new();
    private long _nextFree = long.MinValue;
    private ITimer? _timer;
    private long _timerTarget = long.MaxValue;

    /// <summary>Requests waiting for their turn.</summary>
    public int QueueLength
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>About how long a request queued now would wait.</summary>
    public TimeSpan EstimatedWait
    {
        get
        {
            lock (_lock)
            {
                var (interval, _) = settings();
                var untilFree = _nextFree == long.MinValue ? TimeSpan.Zero : time.GetElapsedTime(time.GetTimestamp(), _nextFree);
                return (untilFree > TimeSpan.Zero ? untilFree : TimeSpan.Zero) + (interval * _queue.Count);
            }
        }
    }

    /// <summary>Completes when this request may go out. Cancelled when <paramref name="ct"/> is; faults with <see cref="CatalogueBusyException"/> when the queue is full.</summary>
    public Task WaitTurnAsync(CancellationToken ct)
    {
        if (ct.IsCancellationRequested)
        {
            return Task.FromCanceled(ct);
        }

        var (interval, maxQueue) = settings();
        lock (_lock)
        {
            var now = time.GetTimestamp();
            if (_queue.Count == 0 && now >= _nextFree)
            {
                _nextFree = now + Ticks(interval);
                return Task.CompletedTask;
            }

            if (_queue.Count >= maxQueue)
            {
                return Task.FromException(new CatalogueBusyException());
            }

            var waiter = new Waiter();
            var node = _queue.AddLast(waiter);
            waiter.Registration = ct.Register(() => Abandon(node, ct));
            Schedule(now);
            return waiter.Turn.Task;
        }
    }

    /// <summary>MusicBrainz said 503: no request goes out for <paramref name="wait"/>.</summary>
    public void BackOff(TimeSpan wait)
    {
        lock (_lock)
        {
            var until = time.GetTimestamp() + Ticks(wait);
            if (until > _nextFree)
            {
                _nextFree = until;
            }

            Schedule(time.GetTimestamp());
        }
    }

    private void Abandon(LinkedListNode<Waiter> node, CancellationToken ct)
    {
        lock (_lock)
        {
            if (node.List is not null)
            {
                _queue.Remove(node);
            }
        }

        node.Value.Turn.TrySetCanceled(ct);
    }

    private void OnTimer()
    {
        var (interval, _) = settings();
        lock (_lock)
        {
            _timerTarget = long.MaxValue;
            var now = time.GetTimestamp();
            while (now >= _nextFree && _queue.First is { } first)
            {
                _queue.RemoveFirst();
                first.Value.Registration.Unregister(); // not Dispose: that would wait for a running Abandon, which needs this lock
                if (first.Value.Turn.TrySetResult())
                {
                    _nextFree = now + Ticks(interval);
                }
            }

            Schedule(now);
        }
    }

    /// <summary>
    /// Arms the timer for when the head of the queue may go. A timer already armed for that moment or earlier is
    /// left alone (it re-arms when it fires), so a late caller never pushes everyone's turn back.
    /// </summary>
    private void Schedule(long now)
    {
        if (_queue.Count == 0)
        {
            return;
        }

        var target = Math.Max(_nextFree, now);
        if (_timer is not null && _timerTarget <= target)
        {
            return;
        }

        _timerTarget = target;
        var due = time.GetElapsedTime(time.GetTimestamp(), target);
        due = due > TimeSpan.Zero ? due : TimeSpan.Zero;
        if (_timer is null)
        {
            _timer = time.CreateTimer(_ => OnTimer(), null, due, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * time.TimestampFrequency);

    private sealed class Waiter
    {
        public TaskCompletionSource Turn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }
    }
}
