using System.Security.Cryptography;
using System.Text;
using ListeningClub.Discord.Emulator.Hosting;
using ListeningClub.Discord.Emulator.Rest;

namespace ListeningClub.Discord.Emulator.RateLimits;

/// <summary>
/// Fixed-window limits like Discord's: one window per (bucket, major parameter) and one global
/// window per bot. Windows start at the first request and reset all at once.
/// </summary>
public sealed class RateLimiter
{
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _hashes = new(StringComparer.Ordinal);
    private Window _global = new(0, DateTimeOffset.MinValue);
    private Dictionary<string, BucketLimit> _buckets;
    private BucketLimit _default;
    private int _globalPerSecond;
    private bool _enabled;

    public RateLimiter(EmulatorSettings settings)
    {
        _time = settings.TimeProvider;
        _buckets = new Dictionary<string, BucketLimit>(settings.Buckets, StringComparer.Ordinal);
        _default = settings.DefaultBucket;
        _globalPerSecond = settings.GlobalPerSecond;
        _enabled = settings.RateLimitsEnabled;
    }

    public static IReadOnlyDictionary<string, BucketLimit> DiscordDefaults { get; } = new Dictionary<string, BucketLimit>(StringComparer.Ordinal)
    {
        ["messages.create"] = new(5, 5000),
        ["messages.modify"] = new(5, 5000),
        ["messages.delete"] = new(5, 1000),
        ["webhook"] = new(5, 2000),
        ["interaction.callback"] = new(5, 1000),
        ["commands.bulk"] = new(2, 60000),
        ["threads.create"] = new(10, 10000),
        ["events.modify"] = new(5, 5000),
    };

    public RateLimitSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new RateLimitSnapshot(_enabled, _globalPerSecond, new Dictionary<string, BucketLimit>(_buckets, StringComparer.Ordinal), _default);
        }
    }

    /// <summary>Replaces the configuration and forgets open windows.</summary>
    public void Configure(bool? enabled, int? globalPerSecond, IReadOnlyDictionary<string, BucketLimit>? buckets, BucketLimit? defaultBucket)
    {
        lock (_gate)
        {
            _enabled = enabled ?? _enabled;
            _globalPerSecond = globalPerSecond ?? _globalPerSecond;
            if (buckets is not null)
            {
                foreach (var (k, v) in buckets)
                {
                    _buckets[k] = v;
                }
            }

            _default = defaultBucket ?? _default;
            _windows.Clear();
            _global = new(0, DateTimeOffset.MinValue);
        }
    }

    public void ResetWindows()
    {
        lock (_gate)
        {
            _windows.Clear();
            _global = new(0, DateTimeOffset.MinValue);
        }
    }

    public RateLimitDecision? Check(RouteInfo route, string? majorValue)
    {
        lock (_gate)
        {
            // Read the clock under the lock, so windows open in the order requests are counted.
            var now = _time.GetUtcNow();
            if (!_enabled)
            {
                return null;
            }

            var limit = LimitFor(route);
            var hash = HashOf(route.Bucket);
            var key = route.Bucket + ":" + (majorValue ?? "-");
            if (!_windows.TryGetValue(key, out var window) || window.End <= now)
            {
                window = new Window(0, now.AddMilliseconds(limit.WindowMs));
            }

            if (!route.GlobalExempt && _globalPerSecond > 0)
            {
                if (_global.End <= now)
                {
                    _global = new Window(0, now.AddSeconds(1));
                }

                if (_global.Count >= _globalPerSecond)
                {
                    var retry = Math.Max(0.001, (_global.End - now).TotalSeconds);
                    _windows[key] = window;
                    return Decision(false, limit, window, now, hash, global: true, "global", retry);
                }
            }

            if (window.Count >= limit.Limit)
            {
                _windows[key] = window;
                var retry = Math.Max(0.001, (window.End - now).TotalSeconds);
                return Decision(false, limit, window, now, hash, global: false, "user", retry);
            }

            window = window with { Count = window.Count + 1 };
            _windows[key] = window;
            if (!route.GlobalExempt && _globalPerSecond > 0)
            {
                _global = _global with { Count = _global.Count + 1 };
            }

            return Decision(true, limit, window, now, hash, global: false, "user", 0);
        }
    }

    private BucketLimit LimitFor(RouteInfo route) =>
        _buckets.TryGetValue(route.Key, out var byKey) ? byKey
        : _buckets.TryGetValue(route.Bucket, out var byBucket) ? byBucket
        : DiscordDefaults.TryGetValue(route.Bucket, out var discord) ? discord
        : _default;

    private string HashOf(string bucket)
    {
        if (!_hashes.TryGetValue(bucket, out var hash))
        {
            hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(bucket)).AsSpan(0, 16));
            _hashes[bucket] = hash;
        }

        return hash;
    }

    private static RateLimitDecision Decision(bool allowed, BucketLimit limit, Window window, DateTimeOffset now, string hash, bool global, string scope, double retry)
    {
        var resetAfter = Math.Max(0, (window.End - now).TotalSeconds);
        return new RateLimitDecision(
            allowed,
            limit.Limit,
            Math.Max(0, limit.Limit - window.Count),
            window.End.ToUnixTimeMilliseconds() / 1000.0,
            Math.Round(resetAfter, 3),
            hash,
            global,
            scope,
            Math.Round(retry, 3));
    }

    private readonly record struct Window(int Count, DateTimeOffset End);
}

/// <summary>The current rate-limit configuration.</summary>
public sealed record RateLimitSnapshot(bool Enabled, int GlobalPerSecond, IReadOnlyDictionary<string, BucketLimit> Buckets, BucketLimit DefaultBucket);
