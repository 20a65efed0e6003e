using ListeningClub.Discord.Models;
using ListeningClub.Discord.Serialization;

namespace ListeningClub.Discord.Rest.Resources;

internal sealed class UsersApi(DiscordRestClient rest) : IUsersApi
{
    public Task<User> GetCurrentUserAsync(CancellationToken ct) =>
        rest.SendAsync(DiscordRoutes.Global(HttpMethod.Get, "/users/@me", "/users/@me"), DiscordJsonContext.Default.User, ct);
}
