namespace ListeningClub.Discord.Rest;

/// <summary>
/// One REST call's identity for rate limiting. <see cref="RouteKey"/> is the method plus the path template
/// (e.g. <c>POST /channels/{channel_id}/messages</c>); <see cref="MajorParameter"/> is the channel, guild or
/// webhook id(+token) that splits one bucket into independent limits. <see cref="Path"/> is the concrete path
/// and may contain an interaction token: never log it.
/// </summary>
public readonly record struct DiscordRoute(HttpMethod Method, string RouteKey, string MajorParameter, string Path, DiscordRouteKind Kind = DiscordRouteKind.Bot)
{
    /// <summary>The body's media type when it is not JSON (a multipart upload carries its boundary here).</summary>
    public string? ContentType { get; init; }
}

public enum DiscordRouteKind
{
    /// <summary>Authenticated with the bot token; counts towards the global 50/s.</summary>
    Bot = 0,

    /// <summary>
    /// Interaction callback or webhook-with-token route: the token is in the path (no <c>Authorization</c> header), and
    /// neither the global limit, the invalid-request pause nor the Cloudflare breaker holds it; a 401 on it is its token's, not fatal.
    /// </summary>
    InteractionWebhook = 1,
}
