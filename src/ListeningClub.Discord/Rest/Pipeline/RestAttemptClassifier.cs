using ListeningClub.Discord.Serialization;

namespace ListeningClub.Discord.Rest.Pipeline;

/// <summary>What an attempt's answer means for the stages around it.</summary>
internal enum RestAttemptKind
{
    /// <summary>2xx: the caller's answer.</summary>
    Success,

    /// <summary>A 429 from Discord (a JSON body or rate-limit headers): wait as the rate limiter says, then send again.</summary>
    RateLimited,

    /// <summary>A 429 with neither: Cloudflare restricts the IP. Never retried; opens the breaker.</summary>
    CloudflareRateLimited,

    /// <summary>401: the bot token (or an interaction's token) was refused.</summary>
    Unauthorized,

    /// <summary>403: counts towards the invalid-request budget.</summary>
    Forbidden,

    /// <summary>5xx: transient, retried with backoff.</summary>
    ServerError,

    /// <summary>No answer (timeout, connection failure): transient, retried with backoff.</summary>
    TransportFailure,

    /// <summary>Any other status: Discord refused the request; not retried.</summary>
    ErrorResponse,
}

/// <summary>The classify stage: a pure function from an attempt to its <see cref="RestAttemptKind"/>.</summary>
internal static class RestAttemptClassifier
{
    public static RestAttemptKind Classify(in RestAttempt attempt)
    {
        if (attempt.Failure is not null)
        {
            return RestAttemptKind.TransportFailure;
        }

        return (int)attempt.Status switch
        {
            >= 200 and < 300 => RestAttemptKind.Success,
            429 => IsFromCloudflare(attempt) ? RestAttemptKind.CloudflareRateLimited : RestAttemptKind.RateLimited,
            401 => RestAttemptKind.Unauthorized,
            403 => RestAttemptKind.Forbidden,
            >= 500 => RestAttemptKind.ServerError,
            _ => RestAttemptKind.ErrorResponse,
        };
    }

    /// <summary>Discord's 429s carry a JSON body or rate-limit headers; Cloudflare's own (error 1015) carries neither.</summary>
    private static bool IsFromCloudflare(in RestAttempt attempt) =>
        !attempt.Headers.Any && attempt.ReadJson(DiscordJsonContext.Default.RateLimitedBody) is null;

    public static bool IsTransient(this RestAttemptKind kind) => kind is RestAttemptKind.ServerError or RestAttemptKind.TransportFailure;
}
