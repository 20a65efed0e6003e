namespace ListeningClub.Discord.Emulator.Rest;

/// <summary>How a REST route authenticates.</summary>
public enum RouteAuth
{
    /// <summary>Needs <c>Authorization: Bot &lt;token&gt;</c>.</summary>
    Bot,

    /// <summary>Authenticated by the token in the path (interaction callbacks, webhooks); a header, if sent, must still be right.</summary>
    PathToken,

    /// <summary>No authentication (GET /gateway).</summary>
    None,
}

/// <summary>
/// Endpoint metadata for one Discord route: its key ("POST /channels/{channel_id}/messages"),
/// the openapi operationId, the rate-limit bucket it shares, and its major parameter.
/// </summary>
public sealed record RouteInfo(string Key, string OperationId, string Bucket, string? MajorParameter, RouteAuth Auth, bool GlobalExempt = false);
