using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ListeningClub.Discord.Rest.RateLimiting;
using ListeningClub.Discord.Serialization;

namespace ListeningClub.Discord.Rest.Pipeline;

/// <summary>
/// What one HTTP attempt came back with: Discord's status, rate-limit headers and body, or the
/// <see cref="Failure"/> that kept it from getting an answer (a timeout, a refused connection).
/// </summary>
internal readonly record struct RestAttempt(HttpStatusCode Status, RateLimitHeaders Headers, byte[] Body, Exception? Failure = null)
{
    public static RestAttempt Failed(Exception failure) => new(0, default, [], failure);

    public RestAttemptKind Kind => RestAttemptClassifier.Classify(this);

    /// <summary>The body as <typeparamref name="T"/> when it is a JSON object that parses; otherwise null.</summary>
    public T? ReadJson<T>(JsonTypeInfo<T> type)
        where T : class
    {
        if (Body.Length == 0 || Body[0] != (byte)'{')
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(Body, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The exception a caller gets for this attempt: Discord's status, JSON error code and message.</summary>
    public DiscordRestException ToException(in DiscordRoute route, DiscordRestFailure failure)
    {
        if (Failure is { } cause)
        {
            return new DiscordRestException($"{route.RouteKey} failed: {cause.GetType().Name}.", cause);
        }

        var error = ReadJson(DiscordJsonContext.Default.DiscordErrorBody);
        return new DiscordRestException(route.RouteKey, Status, error?.Code ?? 0, error?.Message ?? "(no JSON error body)", error?.Errors, failure);
    }
}
