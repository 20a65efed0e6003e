namespace ListeningClub.Bot.Posting;

/// <summary>
/// The kinds of the posts the bot makes by itself (the outbox's kind). With the intent key (usually the cycle id, plus
/// the step's key where a cycle has several of a kind) a kind names one post, decided once and sent once.
/// </summary>
public static class PostKinds
{
    public const string NominationsOpen = "nominations-open";

    public const string NoNominations = "no-nominations";

    public const string VotingOpened = "voting-opened";

    public const string VotingReminder = "voting-reminder";

    public const string PickAnnounced = "pick-announced";

    /// <summary>The full count of a result too long for its announcement, one post per part (intent key: cycle id and part).</summary>
    public const string PickCount = "pick-count";

    public const string DiscussionOpened = "discussion-opened";

    public const string Prompt = "prompt";

    public const string PartyReminder = "party-reminder";

    public const string RatingsRevealed = "ratings-revealed";

    /// <summary>The direct-message copy of a reminder of <paramref name="kind"/> (intent key: the reminder's, plus the member).</summary>
    public static string DirectCopy(string kind) => kind + "-dm";
}
