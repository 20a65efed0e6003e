using System.Text.Json.Nodes;

namespace ListeningClub.Discord.Emulator.State;

public sealed class UserEntity
{
    public required ulong Id { get; init; }
    public required string Username { get; init; }
    public bool Bot { get; init; }
}

public sealed class RoleEntity
{
    public required ulong Id { get; init; }
    public required ulong GuildId { get; init; }
    public required string Name { get; init; }
    public ulong Permissions { get; set; }
    public bool Mentionable { get; set; }
    public int Position { get; set; }
}

public sealed class MemberEntity
{
    public required ulong UserId { get; init; }
    public List<ulong> RoleIds { get; } = [];

    /// <summary>Extra permissions granted directly (a shortcut for tests: Discord grants only through roles).</summary>
    public ulong ExtraPermissions { get; set; }

    public DateTimeOffset JoinedAt { get; init; }
}

public sealed class GuildEntity
{
    public required ulong Id { get; init; }
    public required string Name { get; init; }
    public required ulong OwnerId { get; init; }
    public List<ulong> ChannelIds { get; } = [];
    public List<RoleEntity> Roles { get; } = [];
    public Dictionary<ulong, MemberEntity> Members { get; } = [];
    public List<ulong> ScheduledEventIds { get; } = [];
}

public sealed class ChannelEntity
{
    public required ulong Id { get; init; }
    public ulong? GuildId { get; init; }
    public string? Name { get; set; }
    public required int Type { get; init; }
    public ulong? ParentId { get; init; }
    public ulong? OwnerId { get; init; }
    public ulong? RecipientId { get; init; }
    public int Position { get; init; }
    public int? AutoArchiveDuration { get; set; }
    public int RateLimitPerUser { get; set; }
    public bool Archived { get; set; }
    public bool Locked { get; set; }
    public bool? Invitable { get; set; }
    public DateTimeOffset? CreatedAt { get; init; }
    public ulong? LastMessageId { get; set; }
    public int MessageCount { get; set; }
    public List<ulong> AppliedTags { get; init; } = [];

    /// <summary>Messages in creation order (ids increase).</summary>
    public List<MessageEntity> Messages { get; } = [];

    public bool IsThread => Type is 10 or 11 or 12;
}

/// <summary>Who Discord would notify for a message under its allowed_mentions.</summary>
public sealed record MentionOutcome(IReadOnlyList<ulong> Users, IReadOnlyList<ulong> Roles, bool Everyone, bool Suppressed)
{
    public static readonly MentionOutcome None = new([], [], false, false);

    public bool NotifiesAnyone => !Suppressed && (Everyone || Users.Count > 0 || Roles.Count > 0);
}

public sealed class PollEntity
{
    public required JsonObject Question { get; init; }
    public required List<(int Id, JsonObject Media)> Answers { get; init; }
    public required DateTimeOffset Expiry { get; set; }
    public bool AllowMultiselect { get; init; }
    public int LayoutType { get; init; } = 1;
    public bool Finalized { get; set; }
    public Dictionary<int, SortedSet<ulong>> Votes { get; } = [];
}

public sealed class MessageEntity
{
    public required ulong Id { get; init; }
    public required ulong ChannelId { get; init; }
    public ulong? GuildId { get; init; }
    public required ulong AuthorId { get; init; }
    public int Type { get; init; }
    public string Content { get; set; } = "";
    public JsonArray Embeds { get; set; } = [];
    public JsonArray Components { get; set; } = [];
    public JsonArray Attachments { get; set; } = [];
    public long Flags { get; set; }
    public bool Tts { get; init; }
    public JsonNode? Nonce { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public DateTimeOffset? EditedTimestamp { get; set; }
    public ulong? WebhookId { get; init; }
    public ulong? ApplicationId { get; init; }
    public ulong? InteractionId { get; init; }
    public ulong? ReferencedMessageId { get; init; }
    public JsonObject? MessageReference { get; init; }
    public JsonObject? InteractionMetadata { get; init; }
    public PollEntity? Poll { get; set; }
    public ulong? ThreadId { get; set; }
    public JsonObject? ResultEmbed { get; init; }
    public JsonNode? AllowedMentions { get; set; }
    public MentionOutcome Mentions { get; set; } = MentionOutcome.None;
    public bool Deleted { get; set; }
}

public sealed class CommandEntity
{
    public required ulong Id { get; init; }
    public ulong? GuildId { get; init; }
    public required ulong Version { get; set; }
    public required JsonObject Body { get; set; }

    public string Name => Body["name"]?.GetValue<string>() ?? "";

    public int Type => Body["type"]?.GetValue<int>() ?? 1;
}

public sealed class ScheduledEventEntity
{
    public required ulong Id { get; init; }
    public required ulong GuildId { get; init; }
    public required ulong CreatorId { get; init; }
    public required JsonObject Body { get; set; }
    public HashSet<ulong> Subscribers { get; } = [];
}
