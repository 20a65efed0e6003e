namespace ListeningClub.Domain.Voting;

/// <summary>Plurality and approval: how many votes (or approvals) each candidate received.</summary>
/// <param name="Counts">Every candidate with its count, in candidate-list order.</param>
public sealed record CountExplanation(IReadOnlyList<CandidateCount> Counts, string Summary, bool NobodyVoted)
    : TallyExplanation(Summary, NobodyVoted)
{
    public IReadOnlyList<CandidateCount> Counts { get; init => field = ValueList<CandidateCount>.From(value); } = ValueList<CandidateCount>.From(Counts);
}
