namespace ListeningClub.Discord.Emulator.Gateway;

/// <summary>Gateway intent bits (docs: events/gateway "List of Intents").</summary>
public static class Intents
{
    public const long Guilds = 1L << 0;
    public const long GuildMembers = 1L << 1;
    public const long GuildPresences = 1L << 8;
    public const long GuildMessages = 1L << 9;
    public const long DirectMessages = 1L << 12;
    public const long MessageContent = 1L << 15;
    public const long GuildScheduledEvents = 1L << 16;
    public const long GuildMessagePolls = 1L << 24;
    public const long DirectMessagePolls = 1L << 25;

    public const long Privileged = GuildMembers | GuildPresences | MessageContent;

    /// <summary>Every defined bit (0..25, without the unused 11, and 20..23 which are AUTO_MODERATION/…).</summary>
    public const long AllDefined = (1L << 26) - 1;
}
