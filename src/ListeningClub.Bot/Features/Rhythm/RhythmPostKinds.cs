namespace ListeningClub.Bot.Features.Rhythm;

/// <summary>The kinds of the rhythm's posts that other parts look up (the outbox's kind; the intent key is the cycle id).</summary>
public static class RhythmPostKinds
{
    public const string VotingOpened = "voting-opened";

    public const string PickAnnounced = "pick-announced";
}
