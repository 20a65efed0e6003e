namespace ListeningClub.Discord.Models;

/// <summary>A Discord user (the fields the bot reads).</summary>
public sealed record User
{
    public ulong Id { get; init; }
    public string Username { get; init; } = "";
    public string? GlobalName { get; init; }
    public string? Discriminator { get; init; }
    public string? Avatar { get; init; }
    public bool? Bot { get; init; }
}
