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
