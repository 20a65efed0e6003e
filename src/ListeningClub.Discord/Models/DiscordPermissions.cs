namespace ListeningClub.Discord.Models;

/// <summary>Permission bits the bot reads (docs: topics/permissions). On the wire they travel as decimal strings.</summary>
[Flags]
#pragma warning disable CA1028 // Discord's permission bit set needs all 64 bits.
public enum DiscordPermissions : ulong
#pragma warning restore CA1028
{
    None = 0,
    Administrator = 1UL << 3,
    ManageChannels = 1UL << 4,
    ManageGuild = 1UL << 5,
    ViewChannel = 1UL << 10,
    SendMessages = 1UL << 11,
    ManageMessages = 1UL << 13,
    EmbedLinks = 1UL << 14,
    AttachFiles = 1UL << 15,
    ReadMessageHistory = 1UL << 16,
    MentionEveryone = 1UL << 17,
    ManageRoles = 1UL << 28,
    ManageEvents = 1UL << 33,
    ManageThreads = 1UL << 34,
    CreatePublicThreads = 1UL << 35,
    CreatePrivateThreads = 1UL << 36,
    SendMessagesInThreads = 1UL << 38,
    CreateEvents = 1UL << 44,
    SendPolls = 1UL << 49,

    /// <summary>Every bit, including ones Discord adds later: what the guild owner and administrators have.</summary>
    All = ulong.MaxValue,
}

/// <summary>The names Discord's settings show for permissions, to tell a server's admins what to grant.</summary>
public static class DiscordPermissionNames
{
    private static readonly (DiscordPermissions Bit, string Name)[] Names =
    [
        (DiscordPermissions.Administrator, "Administrator"),
        (DiscordPermissions.ManageChannels, "Manage Channels"),
        (DiscordPermissions.ManageGuild, "Manage Server"),
        (DiscordPermissions.ViewChannel, "View Channel"),
        (DiscordPermissions.SendMessages, "Send Messages"),
        (DiscordPermissions.ManageMessages, "Manage Messages"),
        (DiscordPermissions.EmbedLinks, "Embed Links"),
        (DiscordPermissions.AttachFiles, "Attach Files"),
        (DiscordPermissions.ReadMessageHistory, "Read Message History"),
        (DiscordPermissions.MentionEveryone, "Mention @everyone, @here and All Roles"),
        (DiscordPermissions.ManageRoles, "Manage Roles"),
        (DiscordPermissions.ManageEvents, "Manage Events"),
        (DiscordPermissions.ManageThreads, "Manage Threads"),
        (DiscordPermissions.CreatePublicThreads, "Create Public Threads"),
        (DiscordPermissions.CreatePrivateThreads, "Create Private Threads"),
        (DiscordPermissions.SendMessagesInThreads, "Send Messages in Threads"),
        (DiscordPermissions.CreateEvents, "Create Events"),
        (DiscordPermissions.SendPolls, "Create Polls"),
    ];

    /// <summary>The names of the bits set in <paramref name="permissions"/>, in Discord's order.</summary>
    public static IReadOnlyList<string> Of(DiscordPermissions permissions) =>
        Names.Where(n => (permissions & n.Bit) != 0).Select(n => n.Name).ToList();
}
