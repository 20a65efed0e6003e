using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace ListeningClub.Discord.Tests.Fakes;

/// <summary>
/// A fake clock that also records the due time of every timer created armed on it (a wait: <c>Task.Delay</c>, a retry's
/// backoff), once the timer exists: a test waits until a wait has started (no sleeping), reads how long it is, then
/// advances the clock by exactly that. Timers created disarmed (due never) are not waits and are not recorded.
/// </summary>
public sealed class TimerRecordingClock(FakeTimeProvider inner) : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _dueTimes = new();

    public FakeTimeProvider Inner => inner;

    public IReadOnlyList<TimeSpan> DueTimes => _dueTimes.ToArray();

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = inner.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _dueTimes.Enqueue(dueTime);
        }

        return timer;
    }

    /// <summary>Waits until the <paramref name="count"/>-th timer exists and returns its due time.</summary>
    public async Task<TimeSpan> NextWaitAsync(int count)
    {
        await Eventually.True(() => _dueTimes.Count >= count, $"timer {count} is created");
        return DueTimes[count - 1];
    }
}
