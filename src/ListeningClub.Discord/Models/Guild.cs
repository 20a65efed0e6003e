namespace ListeningClub.Discord.Models;

/// <summary>A guild, minimal: as it appears in READY (unavailable) and GUILD_CREATE.</summary>
public sealed record Guild
{
    public ulong Id { get; init; }
    public string? Name { get; init; }
    public bool? Unavailable { get; init; }
    public ulong? OwnerId { get; init; }
    public string? PreferredLocale { get; init; }
}
