using ListeningClub.Discord.Models;

namespace ListeningClub.Discord.Permissions;

/// <summary>
/// A member's permissions in a channel, computed as Discord documents it (docs: topics/permissions, "Permission
/// Hierarchy"): the guild owner has all; otherwise the @everyone role's permissions OR the member's roles';
/// Administrator means all; then the channel's @everyone overwrite, the member's role overwrites (all denies,
/// then all allows) and the member's own overwrite apply in that order. Without View Channel nothing else counts.
/// </summary>
public static class ChannelPermissions
{
    public static DiscordPermissions Compute(ulong guildId, ulong? ownerId, IReadOnlyList<Role> guildRoles, ulong memberId, IReadOnlyList<ulong> memberRoleIds, IReadOnlyList<PermissionOverwrite>? overwrites)
    {
        ArgumentNullException.ThrowIfNull(guildRoles);
        ArgumentNullException.ThrowIfNull(memberRoleIds);
        if (ownerId == memberId)
        {
            return DiscordPermissions.All;
        }

        var permissions = (DiscordPermissions)(guildRoles.FirstOrDefault(r => r.Id == guildId)?.Permissions ?? 0);
        foreach (var role in guildRoles)
        {
            if (memberRoleIds.Contains(role.Id))
            {
                permissions |= (DiscordPermissions)role.Permissions;
            }
        }

        if (permissions.HasFlag(DiscordPermissions.Administrator))
        {
            return DiscordPermissions.All;
        }

        overwrites ??= [];
        if (overwrites.FirstOrDefault(o => o.Type == PermissionOverwriteType.Role && o.Id == guildId) is { } everyone)
        {
            permissions = (permissions & ~(DiscordPermissions)everyone.Deny) | (DiscordPermissions)everyone.Allow;
        }

        DiscordPermissions allow = 0, deny = 0;
        foreach (var overwrite in overwrites.Where(o => o.Type == PermissionOverwriteType.Role && o.Id != guildId && memberRoleIds.Contains(o.Id)))
        {
            allow |= (DiscordPermissions)overwrite.Allow;
            deny |= (DiscordPermissions)overwrite.Deny;
        }

        permissions = (permissions & ~deny) | allow;
        if (overwrites.FirstOrDefault(o => o.Type == PermissionOverwriteType.Member && o.Id == memberId) is { } own)
        {
            permissions = (permissions & ~(DiscordPermissions)own.Deny) | (DiscordPermissions)own.Allow;
        }

        return permissions.HasFlag(DiscordPermissions.ViewChannel) ? permissions : DiscordPermissions.None;
    }
}
