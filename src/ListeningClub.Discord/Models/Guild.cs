namespace ListeningClub.Discord.Models;

/// <summary>A guild, minimal: as it appears in READY (unavailable), GUILD_CREATE and GET /guilds/{guild_id}.</summary>
public sealed record Guild
{
    public ulong Id { get; init; }
    public string? Name { get; init; }
    public bool? Unavailable { get; init; }
    public ulong? OwnerId { get; init; }
    public string? PreferredLocale { get; init; }

    /// <summary>Every role of the guild; the @everyone role has the guild's id.</summary>
    public IReadOnlyList<Role>? Roles { get; init; }
}
