namespace ListeningClub.Bot.Tests.Support;

/// <summary>The permission integer in the README's invite URL, bit by bit (see the README's "Discord setup").</summary>
public static class InvitePermissions
{
    public const ulong ViewChannel = 1UL << 10;
    public const ulong SendMessages = 1UL << 11;
    public const ulong EmbedLinks = 1UL << 14;
    public const ulong AttachFiles = 1UL << 15;
    public const ulong ManageRoles = 1UL << 28;
    public const ulong CreatePublicThreads = 1UL << 35;
    public const ulong SendMessagesInThreads = 1UL << 38;
    public const ulong CreateEvents = 1UL << 44;
    public const ulong SendPolls = 1UL << 49;

    public const ulong Value = ViewChannel | SendMessages | EmbedLinks | AttachFiles | ManageRoles | CreatePublicThreads | SendMessagesInThreads | CreateEvents | SendPolls;

    public const string InUrl = "580851645598720";
}
