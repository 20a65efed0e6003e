using ListeningClub.Discord.Models;

namespace ListeningClub.Discord.Rest.Resources;

/// <summary>Channels: read one, list a guild's.</summary>
public interface IChannelsApi
{
    Task<Channel> GetChannelAsync(ulong channelId, CancellationToken ct);

    Task<IReadOnlyList<Channel>> GetGuildChannelsAsync(ulong guildId, CancellationToken ct);
}
