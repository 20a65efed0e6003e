namespace ListeningClub.Discord.Emulator.State;

/// <summary>A channel permission overwrite: <see cref="Type"/> 0 for a role (the @everyone role's id is the guild's), 1 for a member.</summary>
public sealed class OverwriteEntity
{
    public required ulong Id { get; init; }
    public required int Type { get; init; }
    public ulong Allow { get; set; }
    public ulong Deny { get; set; }
}
