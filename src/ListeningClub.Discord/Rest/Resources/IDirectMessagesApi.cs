using ListeningClub.Discord.Models;

namespace ListeningClub.Discord.Rest.Resources;

/// <summary>Direct messages: open (or find) the DM channel with a user, then post into it with <see cref="IChannelMessagesApi"/>.</summary>
public interface IDirectMessagesApi
{
    /// <summary>POST /users/@me/channels: the DM channel with the user (the existing one if there is one).</summary>
    Task<Channel> OpenAsync(ulong recipientId, CancellationToken ct);
}
