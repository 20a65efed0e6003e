namespace ListeningClub.Discord.Emulator.State;

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
