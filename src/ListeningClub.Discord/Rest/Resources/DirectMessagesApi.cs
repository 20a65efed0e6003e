using ListeningClub.Discord.Models;
using ListeningClub.Discord.Serialization;

namespace ListeningClub.Discord.Rest.Resources;

internal sealed class DirectMessagesApi(DiscordRestClient rest) : IDirectMessagesApi
{
    public Task<Channel> OpenAsync(ulong recipientId, CancellationToken ct) =>
        rest.SendAsync(
            DiscordRoutes.Global(HttpMethod.Post, "/users/@me/channels", "/users/@me/channels"),
            new CreateDmRequest { RecipientId = recipientId },
            DiscordJsonContext.Default.CreateDmRequest,
            DiscordJsonContext.Default.Channel,
            ct);
}
