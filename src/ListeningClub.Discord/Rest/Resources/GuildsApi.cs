using ListeningClub.Discord.Models;
using ListeningClub.Discord.Serialization;

namespace ListeningClub.Discord.Rest.Resources;

internal sealed class GuildsApi(DiscordRestClient rest) : IGuildsApi
{
    public Task<Guild> GetGuildAsync(ulong guildId, CancellationToken ct) =>
        rest.SendAsync(DiscordRoutes.Guild(HttpMethod.Get, "/guilds/{guild_id}", guildId, DiscordRoutes.Path($"/guilds/{guildId}")), DiscordJsonContext.Default.Guild, ct);
}
