using System.Text.Json.Nodes;

namespace ListeningClub.Discord.Emulator.State;

/// <summary>
/// The single in-memory store. Every read or write of the collections happens under <see cref="Gate"/>;
/// the store is small and lookups are dictionary hits, so one lock keeps it simple and fast enough.
/// </summary>
public sealed class EmulatorState
{
    public Lock Gate { get; } = new();

    public Dictionary<ulong, UserEntity> Users { get; } = [];
    public Dictionary<ulong, GuildEntity> Guilds { get; } = [];
    public Dictionary<ulong, ChannelEntity> Channels { get; } = [];
    public Dictionary<ulong, MessageEntity> Messages { get; } = [];
    public Dictionary<ulong, CommandEntity> GlobalCommands { get; } = [];
    public Dictionary<ulong, Dictionary<ulong, CommandEntity>> GuildCommands { get; } = [];
    public Dictionary<ulong, InteractionEntity> Interactions { get; } = [];
    public Dictionary<string, InteractionEntity> InteractionsByToken { get; } = new(StringComparer.Ordinal);
    public Dictionary<ulong, ScheduledEventEntity> ScheduledEvents { get; } = [];
    public Dictionary<ulong, ulong> DmChannelByUser { get; } = [];
    public Dictionary<ulong, UploadEntity> Uploads { get; } = [];
    public int CommandCreatesToday { get; set; }

    public void Clear()
    {
        lock (Gate)
        {
            foreach (var id in Users.Keys.ToList())
            {
                if (!Users[id].Bot)
                {
                    Users.Remove(id);
                }
            }

            Guilds.Clear();
            Channels.Clear();
            Messages.Clear();
            Uploads.Clear();
            GlobalCommands.Clear();
            GuildCommands.Clear();
            Interactions.Clear();
            InteractionsByToken.Clear();
            ScheduledEvents.Clear();
            DmChannelByUser.Clear();
            CommandCreatesToday = 0;
        }
    }

    /// <summary>Permissions of a member at guild level: @everyone role, their roles, extras; administrator means all.</summary>
    public static ulong ComputePermissions(GuildEntity guild, ulong userId)
    {
        if (guild.OwnerId == userId)
        {
            return Permissions.All;
        }

        if (!guild.Members.TryGetValue(userId, out var member))
        {
            return 0;
        }

        var everyone = guild.Roles.FirstOrDefault(r => r.Id == guild.Id);
        var bits = (everyone?.Permissions ?? 0) | member.ExtraPermissions;
        foreach (var role in guild.Roles)
        {
            if (member.RoleIds.Contains(role.Id))
            {
                bits |= role.Permissions;
            }
        }

        return (bits & Permissions.Administrator) != 0 ? Permissions.All : bits;
    }

    /// <summary>
    /// Permissions of a member in a channel (docs: topics/permissions, "Permission Hierarchy"): guild-level ones, then
    /// the @everyone overwrite, the member's role overwrites (denies, then allows) and the member's own; administrators
    /// and the owner keep everything; without View Channel nothing is left. Threads use their parent's overwrites.
    /// </summary>
    public ulong ComputeChannelPermissions(GuildEntity guild, ChannelEntity channel, ulong userId)
    {
        var bits = ComputePermissions(guild, userId);
        if (bits == Permissions.All)
        {
            return bits;
        }

        var source = channel.IsThread && channel.ParentId is { } parent && Channels.TryGetValue(parent, out var p) ? p : channel;
        var roles = guild.Members.TryGetValue(userId, out var member) ? Render.RoleIdsOf(this, guild, member).ToList() : [];
        if (source.Overwrites.FirstOrDefault(o => o.Type == 0 && o.Id == guild.Id) is { } everyone)
        {
            bits = (bits & ~everyone.Deny) | everyone.Allow;
        }

        ulong allow = 0, deny = 0;
        foreach (var overwrite in source.Overwrites.Where(o => o.Type == 0 && o.Id != guild.Id && roles.Contains(o.Id)))
        {
            allow |= overwrite.Allow;
            deny |= overwrite.Deny;
        }

        bits = (bits & ~deny) | allow;
        if (source.Overwrites.FirstOrDefault(o => o.Type == 1 && o.Id == userId) is { } own)
        {
            bits = (bits & ~own.Deny) | own.Allow;
        }

        return (bits & Permissions.ViewChannel) != 0 ? bits : 0;
    }

    /// <summary>A member's permissions where they act: in the channel for guild channels, guild-level otherwise.</summary>
    public ulong PermissionsIn(ChannelEntity channel, ulong userId) =>
        channel.GuildId is { } g && Guilds.TryGetValue(g, out var guild) ? ComputeChannelPermissions(guild, channel, userId) : Permissions.All;

    public static JsonObject UserJson(UserEntity user)
    {
        var json = new JsonObject
        {
            ["id"] = Render.Id(user.Id),
            ["username"] = user.Username,
            ["discriminator"] = "0",
            ["global_name"] = user.Bot ? null : user.Username,
            ["avatar"] = null,
            ["public_flags"] = 0,
            ["flags"] = 0,
            ["primary_guild"] = null,
        };
        if (user.Bot)
        {
            json["bot"] = true;
        }

        return json;
    }
}
