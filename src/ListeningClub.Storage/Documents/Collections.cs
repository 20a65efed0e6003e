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

    /// <summary>Catalogue entries, keyed by catalogue id; LiteDB makes the collection and its _id index on the first save, so it needed no migration.</summary>
    public const string CatalogueEntries = "catalogue_entries";
}
