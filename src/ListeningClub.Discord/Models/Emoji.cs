namespace ListeningClub.Discord.Models;

/// <summary>A custom emoji (<see cref="Id"/>) or a unicode one (<see cref="Name"/> only).</summary>
public sealed record Emoji
{
    public ulong? Id { get; init; }
    public string? Name { get; init; }
    public bool? Animated { get; init; }
}
