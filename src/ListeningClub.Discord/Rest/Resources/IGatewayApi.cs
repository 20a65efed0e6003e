using ListeningClub.Discord.Models;

namespace ListeningClub.Discord.Rest.Resources;

/// <summary>Gateway discovery.</summary>
public interface IGatewayApi
{
    /// <summary>GET /gateway/bot: the URL to connect to, the recommended shard count and the identify budget.</summary>
    Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken ct);
}
