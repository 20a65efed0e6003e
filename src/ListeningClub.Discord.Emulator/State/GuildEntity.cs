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

    /// <summary>
    /// The id of the bot's managed role: on the wire, the bot's own grant (its member's extra permissions) shows as
    /// this role, as Discord shows an invited bot's permissions, so a client can compute the bot's permissions from
    /// roles and overwrites. 0 when the guild has no such role.
    /// </summary>
    public ulong BotRoleId { get; init; }
}
