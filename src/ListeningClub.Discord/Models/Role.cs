namespace ListeningClub.Discord.Models;

/// <summary>A guild role (the fields permission checks read).</summary>
public sealed record Role
{
    public ulong Id { get; init; }
    public string Name { get; init; } = "";

    /// <summary>Permission bit set (a decimal string on the wire).</summary>
    public ulong Permissions { get; init; }
    public int Position { get; init; }

    /// <summary>Whether an integration manages it (a bot's own role).</summary>
    public bool? Managed { get; init; }
}
