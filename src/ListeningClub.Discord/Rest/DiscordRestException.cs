using System.Net;
using System.Text.Json;

namespace ListeningClub.Discord.Rest;

/// <summary>A REST call that failed: Discord's HTTP status, JSON error code and message (see REFERENCE §1 for codes).</summary>
public sealed class DiscordRestException : Exception
{
    public DiscordRestException(string message) : base(message) { }

    public DiscordRestException(string message, Exception inner) : base(message, inner) { }

    public DiscordRestException(string routeKey, HttpStatusCode? status, int code, string discordMessage, JsonElement? errors, DiscordRestFailure failure)
        : base($"{routeKey} failed: {(status is null ? "no response" : $"{(int)status} {status}")}, code {code}: {discordMessage}")
    {
        RouteKey = routeKey;
        StatusCode = status;
        Code = code;
        DiscordMessage = discordMessage;
        Errors = errors;
        Failure = failure;
    }

    public DiscordRestException()
    {
    }

    public string RouteKey { get; } = "";

    public HttpStatusCode? StatusCode { get; }

    /// <summary>Discord's JSON error code (e.g. 10062 unknown interaction, 40060 already acknowledged); 0 when none.</summary>
    public int Code { get; }

    public string DiscordMessage { get; } = "";

    public JsonElement? Errors { get; }

    public DiscordRestFailure Failure { get; }
}

public enum DiscordRestFailure
{
    /// <summary>Discord answered with an error status.</summary>
    ErrorResponse = 0,

    /// <summary>Retries (429, 5xx, timeouts) ran out.</summary>
    RetriesExhausted = 1,

    /// <summary>A Cloudflare-style 429 opened the breaker; requests fail fast until it closes.</summary>
    CircuitOpen = 2,

    /// <summary>A 401 stopped all REST activity.</summary>
    Unauthorized = 3,
}
