namespace ListeningClub.Discord.Emulator.State;

public sealed class UserEntity
{
    public required ulong Id { get; init; }
    public required string Username { get; init; }
    public bool Bot { get; init; }

    /// <summary>Whether the member takes direct messages from the bot (Discord's per-server privacy setting); when not, DMs fail with 50007.</summary>
    public bool AcceptsDirectMessages { get; init; } = true;
}
