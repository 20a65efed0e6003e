namespace ListeningClub.Discord.Gateway;

/// <summary>What to do after the gateway closed with a code (REFERENCE §2.6).</summary>
internal static class GatewayCloseCodes
{
    /// <summary>Our own close code for "reconnect and resume" (not 1000/1001, which would end the session).</summary>
    public const int Reconnect = 4900;

    /// <summary>The error to show for a fatal close code, or null when the client may reconnect.</summary>
    public static string? FatalReason(int code) => code switch
    {
        4004 => "Gateway authentication failed (close 4004): the bot token is invalid. Set a valid token in ListeningClub__Discord__Token and restart.",
        4010 => "Invalid shard (close 4010): Discord refused a shard id or count; check Discord:ShardIds and Discord:ShardCount (or set ShardCount to auto).",
        4011 => "Sharding required (close 4011): a shard would hold too many guilds (Discord allows 2,500 each); set Discord:ShardCount to auto or raise it.",
        4012 => "Invalid API version (close 4012): this client speaks gateway v10; update the client.",
        4013 => "Invalid intents (close 4013): Discord:Intents contains an unknown bit; use the documented intent values.",
        4014 => "Disallowed intents (close 4014): Discord:Intents asks for a privileged intent that is not enabled for this app. Enable it in the Developer Portal (Bot → Privileged Gateway Intents) or remove it from Discord:Intents.",
        _ => null,
    };

    /// <summary>4007 (invalid seq) and 4009 (session timed out) need a new session.</summary>
    public static bool RequiresNewSession(int code) => code is 4007 or 4009;
}
