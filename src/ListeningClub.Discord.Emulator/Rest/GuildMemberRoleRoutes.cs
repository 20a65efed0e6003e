using ListeningClub.Discord.Emulator.Gateway;
using ListeningClub.Discord.Emulator.Hosting;
using ListeningClub.Discord.Emulator.State;

namespace ListeningClub.Discord.Emulator.Rest;

/// <summary>
/// PUT and DELETE /guilds/{guild_id}/members/{user_id}/roles/{role_id}: 204 (also when nothing changes), 10004/10007/10011
/// for an unknown guild, member or role, 403 50013 without MANAGE_ROLES or for a role at or above the bot's highest role.
/// The bot's grant in the emulator stands for its managed role, which is taken to sit above the guild's other roles
/// unless the bot has been given explicit roles. Fires GUILD_MEMBER_UPDATE (GUILD_MEMBERS intent) when the roles change.
/// </summary>
public static class GuildMemberRoleRoutes
{
    public const int UnknownMember = 10007;
    public const int UnknownRole = 10011;
    public const ulong ManageRoles = 1UL << 28;

    private const string Template = "/guilds/{guild_id}/members/{user_id}/roles/{role_id}";

    public static void Map(RouteGroupBuilder api)
    {
        api.Add("PUT", Template, "add_guild_member_role", "guild.member.roles", "guild_id", (string guild_id, string user_id, string role_id, EmulatorCore core) =>
            Change(core, guild_id, user_id, role_id, add: true));
        api.Add("DELETE", Template, "delete_guild_member_role", "guild.member.roles", "guild_id", (string guild_id, string user_id, string role_id, EmulatorCore core) =>
            Change(core, guild_id, user_id, role_id, add: false));
    }

    private static IResult Change(EmulatorCore core, string guildText, string userText, string roleText, bool add)
    {
        lock (core.State.Gate)
        {
            if (!Render.TryParseId(guildText, out var guildId) || !core.State.Guilds.TryGetValue(guildId, out var guild))
            {
                return DiscordError.UnknownGuildReply();
            }

            if (!Render.TryParseId(userText, out var userId) || !guild.Members.TryGetValue(userId, out var member))
            {
                return DiscordError.NotFound(UnknownMember, "Unknown Member");
            }

            var role = Render.TryParseId(roleText, out var roleId) ? guild.Roles.FirstOrDefault(r => r.Id == roleId && r.Id != guild.Id) : null;
            if (role is null)
            {
                return DiscordError.NotFound(UnknownRole, "Unknown Role");
            }

            if ((EmulatorState.ComputePermissions(guild, core.BotUserId) & ManageRoles) == 0 || !BotIsAbove(guild, core.BotUserId, role))
            {
                return DiscordError.Forbidden(DiscordError.MissingPermissions, "Missing Permissions");
            }

            var changed = add ? !member.RoleIds.Contains(role.Id) : member.RoleIds.Contains(role.Id);
            if (changed)
            {
                if (add)
                {
                    member.RoleIds.Add(role.Id);
                }
                else
                {
                    member.RoleIds.Remove(role.Id);
                }

                var data = Render.Member(core.State, guild, member);
                data["guild_id"] = Render.Id(guild.Id);
                core.Gateway.Dispatch("GUILD_MEMBER_UPDATE", data, Intents.GuildMembers, guild.Id);
            }

            return DiscordError.NoContent();
        }
    }

    private static bool BotIsAbove(GuildEntity guild, ulong botId, RoleEntity role)
    {
        if (guild.OwnerId == botId || !guild.Members.TryGetValue(botId, out var bot) || bot.RoleIds.Count == 0)
        {
            return true;
        }

        return guild.Roles.Where(r => bot.RoleIds.Contains(r.Id)).Max(r => r.Position) > role.Position;
    }
}
