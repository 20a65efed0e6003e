namespace ListeningClub.Domain.Voting;

/// <summary>Instant-runoff: every round, from the first to the one that elected the winner. Empty when nobody voted.</summary>
public sealed record InstantRunoffExplanation(IReadOnlyList<InstantRunoffRound> Rounds, string Summary, bool NobodyVoted)
    : TallyExplanation(Summary, NobodyVoted)
{
    public IReadOnlyList<InstantRunoffRound> Rounds { get; init => field = ValueList<InstantRunoffRound>.From(value); } = ValueList<InstantRunoffRound>.From(Rounds);
}
