namespace ListeningClub.Discord.Rest.Resources;

/// <summary>A guild member's roles (e.g. an opt-in reminder role). Needs MANAGE_ROLES, and the role below the bot's highest.</summary>
public interface IGuildMembersApi
{
    /// <summary>PUT /guilds/{guild_id}/members/{user_id}/roles/{role_id}: 204, also when the member already has it.</summary>
    Task AddRoleAsync(ulong guildId, ulong userId, ulong roleId, CancellationToken ct);

    /// <summary>DELETE /guilds/{guild_id}/members/{user_id}/roles/{role_id}: 204, also when the member didn't have it.</summary>
    Task RemoveRoleAsync(ulong guildId, ulong userId, ulong roleId, CancellationToken ct);
}
