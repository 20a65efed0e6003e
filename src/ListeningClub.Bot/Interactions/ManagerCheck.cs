using ListeningClub.Discord.Models;

namespace ListeningClub.Bot.Interactions;

/// <summary>
/// Who may run /club commands: members with Manage Server, or with the club's manager role. Checked on every call from
/// the permissions Discord computed for this interaction; <c>default_member_permissions</c> is only a hint servers can override.
/// </summary>
public static class ManagerCheck
{
    /// <summary>MANAGE_GUILD (1 &lt;&lt; 5).</summary>
    public const ulong ManageGuild = 1UL << 5;

    /// <summary>ADMINISTRATOR (1 &lt;&lt; 3) implies every permission.</summary>
    public const ulong Administrator = 1UL << 3;

    public static bool IsManager(GuildMember? member, ulong? managerRoleId)
    {
        if (member is null)
        {
            return false;
        }

        var permissions = member.Permissions ?? 0;
        return (permissions & (ManageGuild | Administrator)) != 0
            || (managerRoleId is { } role && member.Roles is { } roles && roles.Contains(role));
    }

    public const string Refusal = "Only club managers can do that: members with **Manage Server**, or with the club's manager role (set with /club manager-role). Nothing was changed.";
}
