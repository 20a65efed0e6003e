namespace ListeningClub.Discord.Emulator.State;

/// <summary>Permission bits the emulator checks (docs: topics/permissions).</summary>
public static class Permissions
{
    public const ulong Administrator = 1UL << 3;
    public const ulong ViewChannel = 1UL << 10;
    public const ulong SendMessages = 1UL << 11;
    public const ulong ManageMessages = 1UL << 13;
    public const ulong EmbedLinks = 1UL << 14;
    public const ulong MentionEveryone = 1UL << 17;
    public const ulong ManageEvents = 1UL << 33;
    public const ulong ManageThreads = 1UL << 34;
    public const ulong CreatePublicThreads = 1UL << 35;
    public const ulong CreatePrivateThreads = 1UL << 36;
    public const ulong SendMessagesInThreads = 1UL << 38;
    public const ulong CreateEvents = 1UL << 44;
    public const ulong SendPolls = 1UL << 49;

    /// <summary>Every bit Discord defines today (0..50).</summary>
    public const ulong All = (1UL << 51) - 1;
}
