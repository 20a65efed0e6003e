namespace ListeningClub.Discord.Models;

/// <summary>A guild member. In interactions it carries <see cref="Permissions"/>: the member's resolved permissions in the channel.</summary>
public sealed record GuildMember
{
    public User? User { get; init; }
    public string? Nick { get; init; }
    public IReadOnlyList<ulong>? Roles { get; init; }
    public DateTimeOffset? JoinedAt { get; init; }

    /// <summary>Permission bit set (a decimal string on the wire).</summary>
    public ulong? Permissions { get; init; }
}
