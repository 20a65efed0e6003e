using ListeningClub.Discord.Models;

namespace ListeningClub.Discord.Rest.Resources;

/// <summary>Users: the bot's own user.</summary>
public interface IUsersApi
{
    /// <summary>GET /users/@me: the bot's user.</summary>
    Task<User> GetCurrentUserAsync(CancellationToken ct);
}
