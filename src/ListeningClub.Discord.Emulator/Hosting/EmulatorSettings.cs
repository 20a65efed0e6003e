namespace ListeningClub.Discord.Emulator.Hosting;

/// <summary>Knobs for one emulator instance. Defaults follow Discord's documented behaviour.</summary>
public sealed record EmulatorSettings
{
    /// <summary>Kestrel URL; port 0 picks a free port.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:0";

    /// <summary>Clock for deadlines, rate-limit windows, timestamps and snowflakes.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Bot token; a random one is generated when null.</summary>
    public string? BotToken { get; init; }

    public ulong ApplicationId { get; init; } = 1_180_000_000_000_000_001;

    public string BotUsername { get; init; } = "ClubBot";

    /// <summary>Interval sent in the gateway Hello (op 10).</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(41.25);

    /// <summary>A connection that has not heartbeated for interval × this factor is closed (4009).</summary>
    public double HeartbeatTimeoutFactor { get; init; } = 1.5;

    /// <summary>Initial-response deadline for interactions (Discord: 3 s).</summary>
    public TimeSpan InteractionDeadline { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Interaction token lifetime for follow-ups and edits (Discord: 15 min).</summary>
    public TimeSpan InteractionTokenLifetime { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Global requests per second per bot (Discord: 50). Zero or less disables it.</summary>
    public int GlobalPerSecond { get; init; } = 50;

    /// <summary>Per-route limits by route key ("POST /channels/{channel_id}/messages") or bucket name; others use <see cref="DefaultBucket"/>.</summary>
    public IReadOnlyDictionary<string, BucketLimit> Buckets { get; init; } = new Dictionary<string, BucketLimit>(StringComparer.Ordinal);

    /// <summary>Limit for routes without a specific entry.</summary>
    public BucketLimit DefaultBucket { get; init; } = new(50, 1000);

    /// <summary>When false no per-route or global limits are applied (benchmarks).</summary>
    public bool RateLimitsEnabled { get; init; } = true;

    /// <summary>Client payloads allowed per connection per window (Discord: 120 per 60 s).</summary>
    public int GatewaySendLimit { get; init; } = 120;

    public TimeSpan GatewaySendWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Identify budget reported by /gateway/bot (Discord: 1000 per 24 h).</summary>
    public int SessionStartLimit { get; init; } = 1000;

    /// <summary><c>session_start_limit.max_concurrency</c> in GET /gateway/bot: identifies allowed per 5 s, one per bucket (<c>shard_id % max_concurrency</c>).</summary>
    public int MaxConcurrency { get; init; } = 1;

    /// <summary>
    /// Refuse, as Discord does, an identify whose bucket identified less than 5 s before, with an Invalid Session (op 9).
    /// Off by default: test suites restart bots and reconnect test clients within seconds (a real bot would then wait
    /// and retry), and under a frozen fake clock the 5 s never pass. Sharding tests turn it on.
    /// </summary>
    public bool EnforceIdentifyRate { get; init; }

    /// <summary>The most guilds one shard may hold; an Identify whose shard would hold more is closed with 4011 (Discord: 2,500).</summary>
    public int MaxGuildsPerShard { get; init; } = 2500;

    /// <summary>GET /gateway/bot's recommended <c>shards</c>; null: one per 1,000 guilds, at least one (Discord's rule of thumb).</summary>
    public int? RecommendedShards { get; init; }

    /// <summary>Privileged intents switched on "in the developer portal" (bits of 1&lt;&lt;1, 1&lt;&lt;8, 1&lt;&lt;15).</summary>
    public long EnabledPrivilegedIntents { get; init; }

    /// <summary>Dispatches kept per session for Resume replay.</summary>
    public int ResumeBufferSize { get; init; } = 10_000;

    /// <summary>REST requests kept for GET /_emulator/requests.</summary>
    public int RequestLogSize { get; init; } = 10_000;

    /// <summary>Validate request bodies against openapi.json (plus REFERENCE.md limits).</summary>
    public bool ValidateContract { get; init; } = true;

    /// <summary>Path of openapi.json; defaults to the copy next to the emulator assembly.</summary>
    public string? OpenApiPath { get; init; }
}

/// <summary>A route bucket: <paramref name="Limit"/> requests per <paramref name="WindowMs"/>.</summary>
public sealed record BucketLimit(int Limit, int WindowMs);
