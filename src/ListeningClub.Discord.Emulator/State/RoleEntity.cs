namespace ListeningClub.Discord.Emulator.State;

public sealed class RoleEntity
{
    public required ulong Id { get; init; }
    public required ulong GuildId { get; init; }
    public required string Name { get; init; }
    public ulong Permissions { get; set; }
    public bool Mentionable { get; set; }
    public int Position { get; set; }
}
