namespace ListeningClub.Discord.Emulator.State;

public sealed class MemberEntity
{
    public required ulong UserId { get; init; }
    public List<ulong> RoleIds { get; } = [];

    /// <summary>Extra permissions granted directly (a shortcut for tests: Discord grants only through roles).</summary>
    public ulong ExtraPermissions { get; set; }

    public DateTimeOffset JoinedAt { get; init; }
}
