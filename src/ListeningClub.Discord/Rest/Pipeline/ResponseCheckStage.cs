using ListeningClub.Discord.Fatal;
using ListeningClub.Discord.Rest.RateLimiting;

namespace ListeningClub.Discord.Rest.Pipeline;

/// <summary>
/// Turns the attempt a call ended with into the caller's answer: a success passes through; every other answer becomes
/// a <see cref="DiscordRestException"/> with Discord's status, code and message. 401 and 403 count towards the
/// invalid-request budget; a 401 on the bot token also stops REST for good and raises the fatal error, while a 401 on
/// an interaction's token (expired after 15 minutes: 50027) fails only that request.
/// </summary>
internal sealed class ResponseCheckStage(RestRateLimiter limiter, RestBreaker breaker, IDiscordFatalErrors fatal, IRestStage next) : IRestStage
{
    private const string UnauthorizedReason = "Discord answered 401 Unauthorized: the bot token is invalid or was reset. Set a valid token in ListeningClub__Discord__Token and restart.";

    public async ValueTask<RestAttempt> SendAsync(RestCall call, CancellationToken ct)
    {
        var attempt = await next.SendAsync(call, ct).ConfigureAwait(false);
        switch (attempt.Kind)
        {
            case RestAttemptKind.Success:
                return attempt;

            case RestAttemptKind.Unauthorized when call.Route.Kind == DiscordRouteKind.Bot:
                limiter.InvalidRequests.Record();
                breaker.Stop(UnauthorizedReason);
                fatal.Report(new DiscordFatalError("REST", UnauthorizedReason));
                throw attempt.ToException(call.Route, DiscordRestFailure.Unauthorized);

            case RestAttemptKind.Unauthorized or RestAttemptKind.Forbidden:
                limiter.InvalidRequests.Record();
                throw attempt.ToException(call.Route, DiscordRestFailure.ErrorResponse);

            default:
                throw attempt.ToException(call.Route, DiscordRestFailure.ErrorResponse);
        }
    }
}
