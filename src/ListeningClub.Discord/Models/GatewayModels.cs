using System.Text.Json;
using System.Text.Json.Serialization;

namespace ListeningClub.Discord.Models;

/// <summary>Every gateway frame: <c>{op, d, s, t}</c>.</summary>
public sealed record GatewayPayload
{
    public int Op { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public JsonElement? D { get; init; }
    public int? S { get; init; }
    public string? T { get; init; }
}

public sealed record GatewayHello
{
    public int HeartbeatInterval { get; init; }
}

public sealed record GatewayIdentify
{
    public string Token { get; init; } = "";
    public int Intents { get; init; }
    public GatewayIdentifyProperties Properties { get; init; } = new();
    public bool? Compress { get; init; }
    public int? LargeThreshold { get; init; }
    public IReadOnlyList<int>? Shard { get; init; }
}

public sealed record GatewayIdentifyProperties
{
    public string Os { get; init; } = "linux";
    public string Browser { get; init; } = "listeningclub";
    public string Device { get; init; } = "listeningclub";
}

public sealed record GatewayResume
{
    public string Token { get; init; } = "";
    public string SessionId { get; init; } = "";
    public int Seq { get; init; }
}

public sealed record GatewayReady
{
    public int V { get; init; }
    public User? User { get; init; }
    public IReadOnlyList<Guild>? Guilds { get; init; }
    public string SessionId { get; init; } = "";
    public string ResumeGatewayUrl { get; init; } = "";
    public IReadOnlyList<int>? Shard { get; init; }
    public ReadyApplication? Application { get; init; }
}

public sealed record ReadyApplication
{
    public ulong Id { get; init; }
    public int? Flags { get; init; }
}

/// <summary>Response of GET /gateway/bot.</summary>
public sealed record GatewayBotInfo
{
    public string Url { get; init; } = "";
    public int Shards { get; init; } = 1;
    public SessionStartLimit SessionStartLimit { get; init; } = new();
}

public sealed record SessionStartLimit
{
    public int Total { get; init; }
    public int Remaining { get; init; }

    /// <summary>Milliseconds until the budget resets.</summary>
    public long ResetAfter { get; init; }

    /// <summary>Identifies allowed per 5 seconds.</summary>
    public int MaxConcurrency { get; init; } = 1;
}

/// <summary>Gateway intents (bit set).</summary>
[Flags]
public enum GatewayIntents
{
    None = 0,
    Guilds = 1 << 0,
    GuildMessages = 1 << 9,
    GuildMessageReactions = 1 << 10,
    DirectMessages = 1 << 12,
    GuildScheduledEvents = 1 << 16,
    GuildMessagePolls = 1 << 24,
    DirectMessagePolls = 1 << 25,
}
