using ListeningClub.Discord.Models;
using ListeningClub.Discord.Serialization;

namespace ListeningClub.Discord.Rest.Resources;

internal sealed class ChannelsApi(DiscordRestClient rest) : IChannelsApi
{
    public Task<Channel> GetChannelAsync(ulong channelId, CancellationToken ct) =>
        rest.SendAsync(DiscordRoutes.Channel(HttpMethod.Get, "/channels/{channel_id}", channelId, DiscordRoutes.Path($"/channels/{channelId}")), DiscordJsonContext.Default.Channel, ct);

    public async Task<IReadOnlyList<Channel>> GetGuildChannelsAsync(ulong guildId, CancellationToken ct) =>
        await rest.SendAsync(DiscordRoutes.Guild(HttpMethod.Get, "/guilds/{guild_id}/channels", guildId, DiscordRoutes.Path($"/guilds/{guildId}/channels")), DiscordJsonContext.Default.ListChannel, ct).ConfigureAwait(false);
}
