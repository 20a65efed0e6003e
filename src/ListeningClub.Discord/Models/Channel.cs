namespace ListeningClub.Discord.Models;

/// <summary>A channel or thread. A forum post comes back with its starter <see cref="Message"/>.</summary>
public sealed record Channel
{
    public ulong Id { get; init; }
    public ChannelType Type { get; init; }
    public ulong? GuildId { get; init; }
    public string? Name { get; init; }
    public string? Topic { get; init; }
    public int? Position { get; init; }
    public ulong? ParentId { get; init; }
    public ulong? OwnerId { get; init; }
    public ulong? LastMessageId { get; init; }
    public int? RateLimitPerUser { get; init; }
    public ThreadMetadata? ThreadMetadata { get; init; }
    public IReadOnlyList<ulong>? AppliedTags { get; init; }

    /// <summary>Overwrites of guild channels (threads use their parent's); absent on partial channels.</summary>
    public IReadOnlyList<PermissionOverwrite>? PermissionOverwrites { get; init; }
    public bool? NewlyCreated { get; init; }

    /// <summary>Permission bit set of the invoking member in this channel (partial channels in interactions, resolved channels).</summary>
    public ulong? Permissions { get; init; }
    public Message? Message { get; init; }
}

public sealed record ThreadMetadata
{
    public bool Archived { get; init; }
    public int AutoArchiveDuration { get; init; }
    public DateTimeOffset? ArchiveTimestamp { get; init; }
    public bool Locked { get; init; }
    public bool? Invitable { get; init; }
}
