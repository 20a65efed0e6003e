using ListeningClub.Discord.Models;

namespace ListeningClub.Discord.Rest.Resources;

/// <summary>Guild members: read one; add or remove a role (e.g. an opt-in reminder role: needs MANAGE_ROLES, and the role below the bot's highest).</summary>
public interface IGuildMembersApi
{
    /// <summary>GET /guilds/{guild_id}/members/{user_id}: the member with its role ids (no privileged intent needed).</summary>
    Task<GuildMember> GetMemberAsync(ulong guildId, ulong userId, CancellationToken ct);

    /// <summary>PUT /guilds/{guild_id}/members/{user_id}/roles/{role_id}: 204, also when the member already has it.</summary>
    Task AddRoleAsync(ulong guildId, ulong userId, ulong roleId, CancellationToken ct);

    /// <summary>DELETE /guilds/{guild_id}/members/{user_id}/roles/{role_id}: 204, also when the member didn't have it.</summary>
    Task RemoveRoleAsync(ulong guildId, ulong userId, ulong roleId, CancellationToken ct);
}
