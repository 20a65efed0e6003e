using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ListeningClub.Discord.Rest.RateLimiting;

/// <summary>
/// Discord's REST limits, in the spirit of discord.js's REST package: route → learned bucket hash
/// (<c>X-RateLimit-Bucket</c>), one serial queue per bucket and major parameter, waiting before sending when a
/// bucket is empty, a proactive global limit, global 429 pauses and an invalid-request budget. All waits use
/// <see cref="TimeProvider"/>. The Cloudflare breaker and the stop after a 401 are <see cref="Pipeline.RestBreaker"/>'s;
/// the stages in <c>Rest/Pipeline/</c> call in here.
/// <para>
/// Each limit holds only what Discord limits with it. A bucket holds its own bucket and major parameter (an
/// interaction's token routes have buckets of their own). The global limit and its 429 pauses hold bot-token requests
/// only (interaction endpoints are not bound to the bot's global limit). The invalid-request counter counts every
/// 401/403/429 this process receives (Discord counts them per IP), but its pause holds bot-token requests only: an
/// interaction's callback and follow-ups carry their own token, come only from members' actions, and must reach
/// Discord within the interaction's deadline. Holding them back would not lift a ban, but would leave members
/// unanswered whenever the block is narrower than the IP.
/// </para>
/// </summary>
internal sealed partial class RestRateLimiter : IDisposable
{
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, string> _routeHashes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, BucketQueue> _queues = new(StringComparer.Ordinal);
    private readonly GlobalRequestWindow _global;
    private int _requestsSinceSweep;

    private const int SweepEvery = 1024;
    // Dropping an idle queue whose bucket is not empty loses nothing: the next request learns the state again.
    // Kept short because every interaction gets a queue of its own (its callback's bucket).
    private static readonly TimeSpan IdleQueueLifetime = TimeSpan.FromSeconds(10);

    public RestRateLimiter(TimeProvider time, ILogger logger, int globalPerSecond, int invalidRequestPauseThreshold)
    {
        _time = time;
        _logger = logger;
        InvalidRequests = new InvalidRequestCounter(time, invalidRequestPauseThreshold);
        _global = new GlobalRequestWindow(time, globalPerSecond);
    }

    public InvalidRequestCounter InvalidRequests { get; }

    public int QueueCount => _queues.Count;

    /// <summary>The queue a request on <paramref name="route"/> waits in: learned bucket hash (or the route itself until learned) + major parameter.</summary>
    public BucketQueue GetQueue(in DiscordRoute route)
    {
        BucketQueue? queue;
        if (_routeHashes.TryGetValue(route.RouteKey, out var hash))
        {
            var key = string.Concat(hash, "|", route.MajorParameter);
            if (!_queues.TryGetValue(key, out queue))
            {
                // Requests queued here before the bucket was learned (from another channel's answer) still wait in
                // the route's own queue: join them there rather than open a second line on the same limit.
                queue = _queues.GetOrAdd(key, _queues.TryGetValue(string.Concat(route.RouteKey, "|", route.MajorParameter), out var early) ? early : new BucketQueue());
            }
        }
        else
        {
            queue = _queues.GetOrAdd(string.Concat(route.RouteKey, "|", route.MajorParameter), static _ => new BucketQueue());
        }

        var now = _time.GetTimestamp();
        queue.LastUsed = now;
        if (Interlocked.Increment(ref _requestsSinceSweep) >= SweepEvery)
        {
            Interlocked.Exchange(ref _requestsSinceSweep, 0);
            Sweep(now);
        }

        return queue;
    }

    /// <summary>Drops idle, refilled queues (one exists per interaction token and per channel) so memory stays bounded.</summary>
    private void Sweep(long now)
    {
        foreach (var (key, queue) in _queues)
        {
            if (queue.Gate.CurrentCount == 1 && _time.GetElapsedTime(queue.LastUsed, now) > IdleQueueLifetime && (queue.Remaining != 0 || now >= queue.ResetAt))
            {
                _queues.TryRemove(key, out _);
            }
        }
    }

    /// <summary>
    /// Waits (holding the bucket's gate) until the request may be sent. For a bot route this takes a global slot:
    /// the caller must call <see cref="RequestCompleted"/> once the request has its answer or failed.
    /// </summary>
    public async ValueTask WaitTurnAsync(BucketQueue queue, DiscordRoute route, CancellationToken ct)
    {
        while (true)
        {
            var wait = TimeUntil(queue.Remaining == 0 ? queue.ResetAt : 0);
            var invalidPause = route.Kind == DiscordRouteKind.Bot ? InvalidRequests.PauseNeeded() : TimeSpan.Zero;
            if (invalidPause > wait)
            {
                LogInvalidRequestPause(_logger, InvalidRequests.Count, invalidPause);
                wait = invalidPause;
            }

            if (wait <= TimeSpan.Zero)
            {
                break;
            }

            await Task.Delay(wait, _time, ct).ConfigureAwait(false);
        }

        if (queue.Remaining == 0)
        {
            // The bucket's reset time has passed: it refilled.
            queue.Remaining = -1;
        }

        if (route.Kind == DiscordRouteKind.Bot)
        {
            // Nothing else uses this bucket meanwhile: we hold its gate.
            await _global.WaitAsync(ct).ConfigureAwait(false);
        }

        queue.LastUsed = _time.GetTimestamp();
        if (queue.Remaining > 0)
        {
            queue.Remaining--;
        }
    }

    /// <summary>After <see cref="WaitTurnAsync"/> returned for a bot route: its request got an answer or failed.</summary>
    public void RequestCompleted(in DiscordRoute route)
    {
        if (route.Kind == DiscordRouteKind.Bot)
        {
            _global.Complete();
        }
    }

    /// <summary>
    /// Learns the bucket and its state from a response's headers. When the route's bucket hash is new, the state is
    /// also written to the hash's queue, where the next request on this route will wait.
    /// </summary>
    public void Learn(BucketQueue queue, in DiscordRoute route, in RateLimitHeaders headers)
    {
        Apply(queue, headers);
        if (headers.Bucket is { } bucket && (!_routeHashes.TryGetValue(route.RouteKey, out var known) || known != bucket))
        {
            _routeHashes[route.RouteKey] = bucket;
            // The queue in use becomes the bucket's queue for this major parameter unless the bucket already has one.
            var canonical = _queues.GetOrAdd(string.Concat(bucket, "|", route.MajorParameter), queue);
            if (!ReferenceEquals(canonical, queue))
            {
                canonical.LastUsed = _time.GetTimestamp();
                Apply(canonical, headers);
            }
        }
    }

    private void Apply(BucketQueue queue, in RateLimitHeaders headers)
    {
        if (headers.Limit is { } limit)
        {
            queue.Limit = limit;
        }

        if (headers.Remaining is { } remaining)
        {
            queue.Remaining = remaining;
        }

        if (headers.ResetAfterSeconds is { } resetAfter)
        {
            queue.ResetAt = After(TimeSpan.FromSeconds(resetAfter));
        }
    }

    /// <summary>
    /// Handles a 429 from Discord (a Cloudflare one is the breaker's) and returns how long this request alone must wait
    /// before retrying (global and bucket waits are applied through <see cref="WaitTurnAsync"/>).
    /// </summary>
    public TimeSpan OnRateLimited(BucketQueue queue, in DiscordRoute route, in RateLimitHeaders headers, Models.RateLimitedBody? body)
    {
        var shared = string.Equals(headers.Scope, "shared", StringComparison.OrdinalIgnoreCase);
        if (!shared)
        {
            InvalidRequests.Record();
        }

        var retryAfter = TimeSpan.FromSeconds(Math.Max(0, body?.RetryAfter ?? headers.RetryAfterSeconds ?? 1));
        if (headers.Global || body?.Global == true)
        {
            _global.Pause(retryAfter);
            LogGlobalRateLimit(_logger, route.RouteKey, retryAfter);
            return route.Kind == DiscordRouteKind.Bot ? TimeSpan.Zero : retryAfter;
        }

        LogRateLimited(_logger, route.RouteKey, headers.Bucket ?? "-", headers.Scope ?? "-", retryAfter);
        if (headers.Remaining == 0 && !shared)
        {
            // The bucket itself is empty: everyone in it waits.
            queue.Remaining = 0;
            queue.ResetAt = After(retryAfter);
            return TimeSpan.Zero;
        }

        // Sublimit or shared resource: only this request waits.
        return retryAfter;
    }

    public void Dispose() => _global.Dispose();

    private long After(TimeSpan span) => _time.GetTimestamp() + (long)(span.TotalSeconds * _time.TimestampFrequency);

    private TimeSpan TimeUntil(long timestamp)
    {
        if (timestamp == 0)
        {
            return TimeSpan.Zero;
        }

        var now = _time.GetTimestamp();
        return now >= timestamp ? TimeSpan.Zero : _time.GetElapsedTime(now, timestamp);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "429 on {Route} (bucket {Bucket}, scope {Scope}); retrying after {RetryAfter}")]
    private static partial void LogRateLimited(ILogger logger, string route, string bucket, string scope, TimeSpan retryAfter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Global 429 on {Route}; all bot requests pause for {RetryAfter}")]
    private static partial void LogGlobalRateLimit(ILogger logger, string route, TimeSpan retryAfter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} invalid requests (401/403/429) in the last 10 minutes; pausing bot requests for {Pause}")]
    private static partial void LogInvalidRequestPause(ILogger logger, int count, TimeSpan pause);
}
