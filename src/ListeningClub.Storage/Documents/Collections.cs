namespace ListeningClub.Storage.Documents;

/// <summary>Collection and index names. Renaming one is a migration.</summary>
internal static class Collections
{
    public const string Clubs = "clubs";
    public const string Cycles = "cycles";
    public const string Nominations = "nominations";
    public const string Ballots = "ballots";
    public const string Picks = "picks";
    public const string Ratings = "ratings";
    public const string Prompts = "prompts";
    public const string PromptDraws = "prompt_draws";
    public const string Outbox = "outbox";
}
