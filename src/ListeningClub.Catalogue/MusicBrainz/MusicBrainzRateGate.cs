using ListeningClub.Catalogue.Http;

namespace ListeningClub.Catalogue.MusicBrainz;

/// <summary>
/// The one MusicBrainz queue of the process: requests go out first come, first served, one at a time, each
/// <see cref="MusicBrainzOptions.MinInterval"/> after the previous one's answer (<see cref="Finished"/>), timed on the
/// injected <see cref="TimeProvider"/>'s monotonic clock. Counting from the answer, not from when the previous request
/// left, is what keeps MusicBrainz's own measure (when requests arrive) at one a second: a request may sit in our
/// process or on the wire for a while before it arrives, but it has arrived before it is answered. A waiter that gives
/// up (its token) leaves the queue without disturbing the others; after a 503 everyone waits (<see cref="BackOff"/>).
/// A full queue answers at once with <see cref="CatalogueBusyException"/>.
/// </summary>
internal sealed class MusicBrainzRateGate(TimeProvider time, Func<(TimeSpan Interval, int MaxQueue)> settings)
{
    private readonly Lock _lock = new();
    private readonly LinkedList<Waiter> _queue = new();
    private long _nextFree = long.MinValue;
    private bool _inFlight;
    private long _grantedAt;
    private TimeSpan _typicalAnswer = TimeSpan.Zero;
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

    /// <summary>About how long a request queued now would wait: each ahead of it takes a typical answer time plus the interval.</summary>
    public TimeSpan EstimatedWait
    {
        get
        {
            lock (_lock)
            {
                var (interval, _) = settings();
                var now = time.GetTimestamp();
                var untilFree = _inFlight
                    ? NotNegative(_typicalAnswer - time.GetElapsedTime(_grantedAt, now)) + interval
                    : _nextFree == long.MinValue ? TimeSpan.Zero : NotNegative(time.GetElapsedTime(now, _nextFree));
                return untilFree + ((_typicalAnswer + interval) * _queue.Count);
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
            if (_queue.Count == 0 && !_inFlight && now >= _nextFree)
            {
                Grant(now);
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

    /// <summary>
    /// The request whose turn it was has its answer (or has failed, or was given up): the next goes
    /// <see cref="MusicBrainzOptions.MinInterval"/> from now. Call exactly once for every turn granted.
    /// </summary>
    public void Finished()
    {
        var (interval, _) = settings();
        lock (_lock)
        {
            var now = time.GetTimestamp();
            _inFlight = false;
            var took = time.GetElapsedTime(_grantedAt, now);
            _typicalAnswer = _typicalAnswer == TimeSpan.Zero ? took : (_typicalAnswer * 0.8) + (took * 0.2);
            _nextFree = Math.Max(_nextFree, now + Ticks(interval));
            Schedule(now);
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
        lock (_lock)
        {
            _timerTarget = long.MaxValue;
            var now = time.GetTimestamp();
            while (!_inFlight && now >= _nextFree && _queue.First is { } first)
            {
                _queue.RemoveFirst();
                first.Value.Registration.Unregister(); // not Dispose: that would wait for a running Abandon, which needs this lock
                if (first.Value.Turn.TrySetResult())
                {
                    Grant(now);
                }
            }

            Schedule(now);
        }
    }

    private void Grant(long now)
    {
        _inFlight = true;
        _grantedAt = now;
    }

    /// <summary>
    /// Arms the timer for when the head of the queue may go (not while a request is in flight: its
    /// <see cref="Finished"/> arms it). A timer already armed for that moment or earlier is
    /// left alone (it re-arms when it fires), so a late caller never pushes everyone's turn back.
    /// </summary>
    private void Schedule(long now)
    {
        if (_queue.Count == 0 || _inFlight)
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

    private static TimeSpan NotNegative(TimeSpan span) => span > TimeSpan.Zero ? span : TimeSpan.Zero;

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * time.TimestampFrequency);

    private sealed class Waiter
    {
        public TaskCompletionSource Turn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }
    }
}
