using ListeningClub.Discord.Models;
using ListeningClub.Discord.Serialization;

namespace ListeningClub.Discord.Rest.Resources;

internal sealed class GatewayApi(DiscordRestClient rest) : IGatewayApi
{
    public Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken ct) =>
        rest.SendAsync(DiscordRoutes.Global(HttpMethod.Get, "/gateway/bot", "/gateway/bot"), DiscordJsonContext.Default.GatewayBotInfo, ct);
}
