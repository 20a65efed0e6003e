using System.Text.Json;
using System.Text.Json.Nodes;

namespace ListeningClub.Discord.Emulator.Control;

// Wire models of the control API (/_emulator). JSON is snake_case; ids are decimal strings as in Discord.

public sealed record ChannelSpec(string Name, int Type = 0, string? Parent = null);

/// <summary>PUT /_emulator/channels/{channel_id}/permissions/{overwrite_id}: <see cref="Type"/> 0 role (the guild id for @everyone), 1 member; bit sets as decimal strings.</summary>
public sealed record OverwriteSpec(int Type, string Allow = "0", string Deny = "0");

/// <summary>POST /_emulator/guilds/{guild_id}/channels: a channel added to an existing guild.</summary>
public sealed record CreatedChannel(string Id);

public sealed record RoleSpec(string Name, string Permissions = "0", bool Mentionable = false);

public sealed record MemberSpec(string Username, IReadOnlyList<string>? Roles = null, string? Permissions = null, bool AcceptsDirectMessages = true);

/// <summary>POST /_emulator/guilds. <see cref="EveryonePermissions"/> sets the @everyone role; <see cref="BotPermissions"/> the bot's own grant (default administrator).</summary>
public sealed record GuildSpec(
    string Name,
    IReadOnlyList<ChannelSpec>? Channels = null,
    IReadOnlyList<RoleSpec>? Roles = null,
    IReadOnlyList<MemberSpec>? Members = null,
    string? EveryonePermissions = null,
    string? BotPermissions = null);

public sealed record CreatedGuild(
    string GuildId,
    IReadOnlyDictionary<string, string> Channels,
    IReadOnlyDictionary<string, string> Roles,
    IReadOnlyDictionary<string, string> Users);

/// <summary>POST /_emulator/interactions. <see cref="Type"/>: 1 ping, 2 command, 3 component, 4 autocomplete, 5 modal submit.</summary>
public sealed record InteractionSpec(string ChannelId, string UserId, int Type, JsonNode? Data = null, string? GuildId = null, string? MessageId = null, string? Locale = null);

public sealed record CreatedInteraction(string Id, string Token);

/// <summary>
/// GET /_emulator/interactions/{id}. <see cref="Answered"/>: the bot answered for good (a reply, an update, a modal or
/// autocomplete choices; after a defer, the edit of the original or a follow-up).
/// </summary>
public sealed record InteractionRecord(
    string Id,
    string Token,
    int Type,
    string? GuildId,
    string ChannelId,
    string UserId,
    string DeliveredAt,
    bool Acknowledged,
    double? AcknowledgedAfterMs,
    bool DeadlineMissed,
    int? ResponseType,
    IReadOnlyList<JsonObject> Callbacks,
    JsonObject? Original,
    IReadOnlyList<JsonObject> Followups,
    JsonObject Payload,
    bool Answered);

/// <summary>POST /_emulator/messages: a message written by a member (Discord users post through their client, not the bot API).</summary>
public sealed record UserMessageSpec(string ChannelId, string UserId, string Content);

public sealed record PollVote(string ChannelId, string MessageId, string UserId, IReadOnlyList<int> AnswerIds);

public sealed record RequestEntry(long Seq, string Method, string Path, string? Query, int Status, string? Body, string? Route);

public sealed record Notifications(IReadOnlyList<string> Users, IReadOnlyList<string> Roles, bool Everyone, bool Suppressed, bool NotifiesAnyone);

public sealed record MessageEntry(string Id, string ChannelId, string AuthorId, int Type, string Content, long Flags, JsonNode? AllowedMentions, Notifications Notifications, JsonObject Message);

public sealed record GatewayFaultSpec(string Action, bool? Resumable = null, int? Code = null);

public sealed record RestFaultSpec(string PathPrefix, int Status, int Count = 1, double? RetryAfter = null, bool? Global = null, bool? Cloudflare = null);

public sealed record BucketSpec(int Limit, int WindowMs);

/// <summary>PUT /_emulator/ratelimits: every field optional; buckets are keyed by route ("POST /channels/{channel_id}/messages") or bucket name.</summary>
public sealed record RateLimitSpec(bool? Enabled = null, int? GlobalPerSecond = null, IReadOnlyDictionary<string, BucketSpec>? Buckets = null, BucketSpec? Default = null);

public sealed record EmulatorStatsView(
    long Requests,
    long RateLimited,
    int InvalidRequestsLast10Minutes,
    long Identifies,
    long Resumes,
    long Dispatches,
    int GatewayConnections,
    long DeadlineMisses,
    int Interactions,
    int Messages,
    int MessagesThatNotified,
    long IdentifiesTooSoon = 0);

public sealed record EmulatorInfo(string ApiBaseUrl, string GatewayUrl, string ControlUrl, string BotToken, string ApplicationId, string BotUserId);

/// <summary>GET /_emulator/changes: the change feed's version (it moves on every request that is not a GET).</summary>
public sealed record ChangeVersion(long Version);

/// <summary>A channel or thread as a member's client lists it.</summary>
public sealed record ChannelView(string Id, string Name, int Type, string? ParentId, int Position, bool Archived);

/// <summary>A member of the guild: <see cref="Permissions"/> at guild level (decimal string); <see cref="DmChannelId"/> once the bot opened a DM with them.</summary>
public sealed record MemberView(string Id, string Username, bool Bot, string Permissions, IReadOnlyList<string> Roles, string? DmChannelId);

public sealed record RoleView(string Id, string Name);

/// <summary>GET /_emulator/guilds/{guild_id}: the guild as a member's client shows it (channels and threads in order, members, roles).</summary>
public sealed record GuildView(string Id, string Name, IReadOnlyList<ChannelView> Channels, IReadOnlyList<MemberView> Members, IReadOnlyList<RoleView> Roles);

/// <summary>GET /_emulator/commands?guild_id=: the application commands a member of that guild sees (global, then the guild's), as registered.</summary>
public sealed record CommandView(string Id, string? GuildId, JsonObject Command);

public static class ControlJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
    };
}
