namespace ListeningClub.Discord.Emulator.State;

public sealed class UserEntity
{
    public required ulong Id { get; init; }
    public required string Username { get; init; }
    public bool Bot { get; init; }
}
