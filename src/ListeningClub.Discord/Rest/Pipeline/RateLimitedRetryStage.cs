using ListeningClub.Discord.Rest.RateLimiting;
using ListeningClub.Discord.Serialization;

namespace ListeningClub.Discord.Rest.Pipeline;

/// <summary>
/// The 429 stage, hand-written because every wait comes from Discord's buckets: a Discord 429 goes to the rate limiter
/// (which records it, pauses the global limit or empties the bucket, or says how long this request alone waits), then
/// the call is sent again, at most <c>maxRetries</c> times over all its attempts. A Cloudflare-style 429 is never
/// retried: it opens the breaker and fails the call.
/// </summary>
internal sealed class RateLimitedRetryStage(RestRateLimiter limiter, RestBreaker breaker, int maxRetries, TimeProvider time, IRestStage next) : IRestStage
{
    public async ValueTask<RestAttempt> SendAsync(RestCall call, CancellationToken ct)
    {
        while (true)
        {
            var attempt = await next.SendAsync(call, ct).ConfigureAwait(false);
            switch (attempt.Kind)
            {
                case RestAttemptKind.CloudflareRateLimited:
                    breaker.Open(call.Route, attempt.Headers.RetryAfterSeconds);
                    limiter.InvalidRequests.Record();
                    throw new DiscordRestException(call.Route.RouteKey, attempt.Status, 0, "Cloudflare-style 429 without a Discord body: not retried, bot requests paused.", null, DiscordRestFailure.CircuitOpen);

                case RestAttemptKind.RateLimited:
                    var wait = limiter.OnRateLimited(call.Queue, call.Route, attempt.Headers, attempt.ReadJson(DiscordJsonContext.Default.RateLimitedBody));
                    if (++call.RateLimitedCount > maxRetries)
                    {
                        throw attempt.ToException(call.Route, DiscordRestFailure.RetriesExhausted);
                    }

                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, time, ct).ConfigureAwait(false);
                    }

                    break;

                default:
                    return attempt;
            }
        }
    }
}
