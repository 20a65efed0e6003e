using ListeningClub.Discord.Models;
using ListeningClub.Discord.Serialization;

namespace ListeningClub.Discord.Rest.Resources;

internal sealed class GuildMembersApi(DiscordRestClient rest) : IGuildMembersApi
{
    private const string MemberRole = "/guilds/{guild_id}/members/{user_id}/roles/{role_id}";

    public Task<GuildMember> GetMemberAsync(ulong guildId, ulong userId, CancellationToken ct) =>
        rest.SendAsync(DiscordRoutes.Guild(HttpMethod.Get, "/guilds/{guild_id}/members/{user_id}", guildId, DiscordRoutes.Path($"/guilds/{guildId}/members/{userId}")), DiscordJsonContext.Default.GuildMember, ct);

    public Task AddRoleAsync(ulong guildId, ulong userId, ulong roleId, CancellationToken ct) =>
        rest.SendAsync(DiscordRoutes.Guild(HttpMethod.Put, MemberRole, guildId, DiscordRoutes.Path($"/guilds/{guildId}/members/{userId}/roles/{roleId}")), null, ct);

    public Task RemoveRoleAsync(ulong guildId, ulong userId, ulong roleId, CancellationToken ct) =>
        rest.SendAsync(DiscordRoutes.Guild(HttpMethod.Delete, MemberRole, guildId, DiscordRoutes.Path($"/guilds/{guildId}/members/{userId}/roles/{roleId}")), null, ct);
}
