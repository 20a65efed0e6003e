namespace ListeningClub.Discord.Emulator.State;

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

    /// <summary>Permission overwrites (guild channels; threads follow their parent's).</summary>
    public List<OverwriteEntity> Overwrites { get; } = [];

    /// <summary>Messages in creation order (ids increase).</summary>
    public List<MessageEntity> Messages { get; } = [];

    public bool IsThread => Type is 10 or 11 or 12;
}
