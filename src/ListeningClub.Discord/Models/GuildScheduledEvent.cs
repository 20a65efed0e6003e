namespace ListeningClub.Discord.Models;

#pragma warning disable CA1008 // Discord's numbering starts at 1.
public enum GuildScheduledEventStatus
{
    Scheduled = 1,
    Active = 2,
    Completed = 3,
    Canceled = 4,
}

public enum GuildScheduledEventEntityType
{
    StageInstance = 1,
    Voice = 2,
    External = 3,
}
#pragma warning restore CA1008

/// <summary>A guild scheduled event (e.g. a watch party).</summary>
public sealed record GuildScheduledEvent
{
    public ulong Id { get; init; }
    public ulong GuildId { get; init; }
    public ulong? ChannelId { get; init; }
    public ulong? CreatorId { get; init; }
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    public DateTimeOffset ScheduledStartTime { get; init; }
    public DateTimeOffset? ScheduledEndTime { get; init; }
    public int PrivacyLevel { get; init; }
    public GuildScheduledEventStatus Status { get; init; }
    public GuildScheduledEventEntityType EntityType { get; init; }
    public ulong? EntityId { get; init; }
    public GuildScheduledEventEntityMetadata? EntityMetadata { get; init; }
    public int? UserCount { get; init; }
}

public sealed record GuildScheduledEventEntityMetadata
{
    public string? Location { get; init; }
}

/// <summary>Body of POST /guilds/{id}/scheduled-events. EXTERNAL needs a location and an end time; privacy level is 2.</summary>
public sealed record GuildScheduledEventCreateRequest
{
    public ulong? ChannelId { get; init; }
    public GuildScheduledEventEntityMetadata? EntityMetadata { get; init; }
    public string Name { get; init; } = "";
    public int PrivacyLevel { get; init; } = 2;
    public DateTimeOffset ScheduledStartTime { get; init; }
    public DateTimeOffset? ScheduledEndTime { get; init; }
    public string? Description { get; init; }
    public GuildScheduledEventEntityType EntityType { get; init; }
}

/// <summary>Body of PATCH /guilds/{id}/scheduled-events/{id}; null fields are left unchanged.</summary>
public sealed record GuildScheduledEventModifyRequest
{
    public ulong? ChannelId { get; init; }
    public GuildScheduledEventEntityMetadata? EntityMetadata { get; init; }
    public string? Name { get; init; }
    public DateTimeOffset? ScheduledStartTime { get; init; }
    public DateTimeOffset? ScheduledEndTime { get; init; }
    public string? Description { get; init; }
    public GuildScheduledEventEntityType? EntityType { get; init; }
    public GuildScheduledEventStatus? Status { get; init; }
}
