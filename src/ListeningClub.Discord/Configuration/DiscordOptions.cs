using System.ComponentModel.DataAnnotations;
using ListeningClub.Discord.Gateway;
using ListeningClub.Discord.Models;

namespace ListeningClub.Discord.Configuration;

/// <summary>How the bot reaches Discord (or the emulator). Bound from the <c>Discord</c> section.</summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    /// <summary>The bot token. Comes from the environment (ListeningClub__Discord__Token) or user-secrets, never a committed file.</summary>
    [Required(ErrorMessage = "not set. Set the environment variable ListeningClub__Discord__Token to your bot token (Discord Developer Portal → your application → Bot → Reset Token).")]
    public string Token { get; set; } = "";

    /// <summary>REST base URL, ending in /api/v10. Point it at the emulator for local runs.</summary>
    [Required]
    [Url]
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>Guild id for instant (guild-scoped) command registration while developing; empty for global commands.</summary>
    public ulong? DevelopmentGuildId { get; set; }

    /// <summary>The URL in the User-Agent header: <c>DiscordBot (url, version)</c>.</summary>
    [Required]
    public string UserAgentUrl { get; set; } = "https://github.com/listeningclub/listeningclub";

    /// <summary>Gateway intents; the default asks only for non-privileged GUILDS | GUILD_SCHEDULED_EVENTS | GUILD_MESSAGE_POLLS.</summary>
    public GatewayIntents Intents { get; set; } = GatewayIntents.Guilds | GatewayIntents.GuildScheduledEvents | GatewayIntents.GuildMessagePolls;

    /// <summary>How many shards the bot runs in all: <c>auto</c> (what Discord recommends in GET /gateway/bot) or a number (see <see cref="ShardPlan"/>).</summary>
    public string ShardCount { get; set; } = ShardPlan.Auto;

    /// <summary>The shards this process runs: empty for all, else ids and ranges (<c>0-3</c>, <c>4,5</c>), so several processes can share the bot's shards.</summary>
    public string? ShardIds { get; set; }

    /// <summary>The shards this process runs, or the setting that is wrong (one line).</summary>
    public (ShardPlan? Plan, string? Problem) Shards() => ShardPlan.Parse(ShardCount, ShardIds);

    /// <summary>Register commands when the gateway is READY (off: the host registers them itself or not at all).</summary>
    public bool RegisterCommandsOnReady { get; set; } = true;

    /// <summary>REST retries after a 5xx or a timeout (exponential backoff with jitter).</summary>
    [Range(0, 10)]
    public int RestMaxRetries { get; set; } = 3;

    /// <summary>How many 429s one request may wait out before it gives up.</summary>
    [Range(0, 50)]
    public int RestMax429Retries { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RestRequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Proactive global limit (Discord allows 50/s per bot).</summary>
    [Range(1, 50)]
    public int GlobalRequestsPerSecond { get; set; } = 50;

    /// <summary>401/403/429 responses in 10 minutes before REST pauses (Discord bans the IP at 10,000).</summary>
    [Range(1, 9_000)]
    public int InvalidRequestPauseThreshold { get; set; } = 5_000;

    /// <summary>How long bot-token requests fail fast after a Cloudflare-style 429 (no JSON body, no rate-limit headers) that says nothing in <c>Retry-After</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "06:00:00")]
    public TimeSpan CloudflareBreakerDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>When the interaction router defers on a handler's behalf (Discord's deadline is 3 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:02.500")]
    public TimeSpan AutoDeferAfter { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>Dispatch handlers running at once (each in its own DI scope).</summary>
    [Range(1, 1024)]
    public int MaxConcurrentDispatches { get; set; } = 64;

    /// <summary>Dispatches buffered between the receive loop and the handlers.</summary>
    [Range(16, 100_000)]
    public int DispatchQueueCapacity { get; set; } = 4096;

    public override string ToString() => $"DiscordOptions(ApiBaseUrl={ApiBaseUrl}, Token=<redacted>)";
}
