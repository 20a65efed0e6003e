using ListeningClub.Discord.Rest.RateLimiting;

namespace ListeningClub.Discord.Rest.Pipeline;

/// <summary>
/// The outermost stage: fails fast when the breaker refuses the route, then queues the call in its bucket's line
/// (learned <c>X-RateLimit-Bucket</c> + major parameter) and holds the line's gate through every attempt and retry,
/// so one bucket sends one request at a time, in order.
/// </summary>
internal sealed class BucketQueueStage(RestRateLimiter limiter, RestBreaker breaker, IRestStage next) : IRestStage
{
    public async ValueTask<RestAttempt> SendAsync(RestCall call, CancellationToken ct)
    {
        breaker.ThrowIfUnavailable(call.Route);
        var queue = limiter.GetQueue(call.Route);
        await queue.Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            call.Queue = queue;
            return await next.SendAsync(call, ct).ConfigureAwait(false);
        }
        finally
        {
            queue.Gate.Release();
        }
    }
}
