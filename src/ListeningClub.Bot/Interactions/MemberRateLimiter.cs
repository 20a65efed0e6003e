using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ListeningClub.Bot.Interactions;

/// <summary>Per-member command limits. Bound from the <c>Abuse</c> section.</summary>
public sealed class MemberRateLimitOptions
{
    public const string SectionName = "Abuse";

    /// <summary>Commands one member may run in <see cref="Window"/>.</summary>
    [Range(1, 1000)]
    public int CommandsPerWindow { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// A sliding-window limit per member, so one member cannot flood the bot (or spend its share of Discord's global
/// limit). Over the limit, the member gets an ephemeral "slow down" and nothing else happens.
/// </summary>
public sealed class MemberRateLimiter(IOptions<MemberRateLimitOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<ulong, Queue<long>> _recent = new();
    private readonly MemberRateLimitOptions _options = options.Value;
    private long _lastSweep;

    /// <summary>Counts one command; returns how long to wait when the member is over the limit, or null when allowed.</summary>
    public TimeSpan? TryAcquire(ulong memberId)
    {
        var now = time.GetTimestamp();
        var window = (long)(_options.Window.TotalSeconds * time.TimestampFrequency);
        var queue = _recent.GetOrAdd(memberId, static _ => new Queue<long>());
        TimeSpan? wait;
        lock (queue)
        {
            while (queue.Count > 0 && now - queue.Peek() >= window)
            {
                queue.Dequeue();
            }

            if (queue.Count >= _options.CommandsPerWindow)
            {
                wait = time.GetElapsedTime(now, queue.Peek() + window);
                return wait <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(1) : wait;
            }

            queue.Enqueue(now);
        }

        SweepIdle(now, window);
        return null;
    }

    /// <summary>Forgets members who have been quiet for a whole window, so memory stays bounded.</summary>
    private void SweepIdle(long now, long window)
    {
        var last = Interlocked.Read(ref _lastSweep);
        if (now - last < window || Interlocked.CompareExchange(ref _lastSweep, now, last) != last)
        {
            return;
        }

        foreach (var (member, queue) in _recent)
        {
            lock (queue)
            {
                if (queue.Count == 0 || now - queue.Peek() >= window && now - queue.Last() >= window)
                {
                    _recent.TryRemove(new KeyValuePair<ulong, Queue<long>>(member, queue));
                }
            }
        }
    }
}
