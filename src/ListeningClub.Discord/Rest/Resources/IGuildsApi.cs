using ListeningClub.Discord.Models;

namespace ListeningClub.Discord.Rest.Resources;

/// <summary>Guilds: read one (with its roles).</summary>
public interface IGuildsApi
{
    /// <summary>GET /guilds/{guild_id}: the guild with its roles and owner.</summary>
    Task<Guild> GetGuildAsync(ulong guildId, CancellationToken ct);
}
