using ListeningClub.Discord.Rest.RateLimiting;

namespace ListeningClub.Discord.Rest.Pipeline;

/// <summary>
/// The rate-limit wait, once per attempt: asks the breaker again, waits until the bucket has room (and, for bot routes,
/// for the invalid-request pause and a global slot), sends, frees the global slot once the attempt is answered or
/// failed, and teaches the rate limiter the bucket state from the answer's headers.
/// </summary>
internal sealed class BucketTurnStage(RestRateLimiter limiter, RestBreaker breaker, IRestStage next) : IRestStage
{
    public async ValueTask<RestAttempt> SendAsync(RestCall call, CancellationToken ct)
    {
        breaker.ThrowIfUnavailable(call.Route);
        await limiter.WaitTurnAsync(call.Queue, call.Route, ct).ConfigureAwait(false);
        RestAttempt attempt;
        try
        {
            attempt = await next.SendAsync(call, ct).ConfigureAwait(false);
        }
        finally
        {
            limiter.RequestCompleted(call.Route);
        }

        limiter.Learn(call.Queue, call.Route, attempt.Headers);
        return attempt;
    }
}
