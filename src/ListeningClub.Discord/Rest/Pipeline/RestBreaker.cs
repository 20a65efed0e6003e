using Microsoft.Extensions.Logging;

namespace ListeningClub.Discord.Rest.Pipeline;

/// <summary>
/// The breaker stage's state: when REST refuses to send at all. Two reasons: stopped for good after a 401 on the bot
/// token (every route: the client is going down), and open for a while after a Cloudflare-style 429 (bot-token routes
/// only: an interaction's callback and follow-ups carry their own token, come only from members' actions and must
/// reach Discord within the interaction's deadline).
/// <para>
/// Hand-written rather than Polly's circuit breaker: that one opens on a failure ratio over at least two calls and
/// half-opens with a single probe while rejecting the rest, where Discord's rule is one Cloudflare 429 opens it, for
/// exactly Cloudflare's <c>Retry-After</c>, for bot routes only, and then every request may go.
/// </para>
/// </summary>
internal sealed partial class RestBreaker(TimeProvider time, ILogger logger, TimeSpan defaultOpenDuration)
{
    private long _openUntil;
    private string? _stoppedReason;

    /// <summary>Throws when REST is stopped, or for a bot-token request while the breaker is open.</summary>
    public void ThrowIfUnavailable(in DiscordRoute route)
    {
        if (Volatile.Read(ref _stoppedReason) is { } reason)
        {
            throw new DiscordRestException(route.RouteKey, null, 0, reason, null, DiscordRestFailure.Unauthorized);
        }

        if (route.Kind != DiscordRouteKind.Bot)
        {
            return;
        }

        var openUntil = Interlocked.Read(ref _openUntil);
        if (openUntil != 0 && time.GetTimestamp() < openUntil)
        {
            throw new DiscordRestException(route.RouteKey, null, 0, "REST is paused after a Cloudflare-style 429 (the IP may be temporarily banned).", null, DiscordRestFailure.CircuitOpen);
        }
    }

    /// <summary>
    /// After a Cloudflare-style 429: bot requests fail fast for Cloudflare's <c>Retry-After</c> (30 s for its error
    /// 1015 unless a rule sets its own), or for the configured duration when it sent none.
    /// </summary>
    public void Open(in DiscordRoute route, double? retryAfterSeconds)
    {
        var duration = retryAfterSeconds is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : defaultOpenDuration;
        Interlocked.Exchange(ref _openUntil, time.GetTimestamp() + (long)(duration.TotalSeconds * time.TimestampFrequency));
        LogOpened(logger, route.RouteKey, duration);
    }

    /// <summary>After a 401 on the bot token: no further REST request is sent, on any route.</summary>
    public void Stop(string reason) => Interlocked.CompareExchange(ref _stoppedReason, reason, null);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cloudflare-style 429 on {Route}: not retried; bot requests fail fast for {Duration} (interaction responses still go out)")]
    private static partial void LogOpened(ILogger logger, string route, TimeSpan duration);
}
