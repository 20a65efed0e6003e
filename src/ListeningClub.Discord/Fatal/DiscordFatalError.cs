namespace ListeningClub.Discord.Fatal;

/// <summary>Why the Discord client stopped for good, and what the operator must fix.</summary>
public sealed record DiscordFatalError(string Source, string Message);
