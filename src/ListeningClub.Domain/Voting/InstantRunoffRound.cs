namespace ListeningClub.Domain.Voting;

/// <summary>One round of an instant-runoff count.</summary>
/// <param name="Number">1 for the first round.</param>
/// <param name="Counts">The continuing candidates at the start of the round with the ballots counting for each, in candidate-list order.</param>
/// <param name="ContinuingBallots">Ballots counting for a continuing candidate this round (the denominator of a majority).</param>
/// <param name="ExhaustedBallots">Ballots that no longer rank any continuing candidate (including empty ballots), at the start of the round.</param>
/// <param name="Outcome">Whether <paramref name="Candidate"/> was eliminated or elected this round.</param>
/// <param name="Candidate">The candidate eliminated or elected.</param>
/// <param name="CandidateVotes">That candidate's ballots this round.</param>
/// <param name="Transfers">
/// Where an eliminated candidate's ballots went: each candidate still continuing with the number it received
/// (zeros included), in candidate-list order. Empty when the round elected someone.
/// </param>
/// <param name="ExhaustedByTransfer">The eliminated candidate's ballots that ranked nobody still continuing, so were exhausted.</param>
public sealed record InstantRunoffRound(
    int Number,
    IReadOnlyList<CandidateCount> Counts,
    int ContinuingBallots,
    int ExhaustedBallots,
    InstantRunoffOutcome Outcome,
    string Candidate,
    int CandidateVotes,
    IReadOnlyList<CandidateCount> Transfers,
    int ExhaustedByTransfer)
{
    public IReadOnlyList<CandidateCount> Counts { get; init => field = ValueList<CandidateCount>.From(value); } = ValueList<CandidateCount>.From(Counts);

    public IReadOnlyList<CandidateCount> Transfers { get; init => field = ValueList<CandidateCount>.From(value); } = ValueList<CandidateCount>.From(Transfers);

    /// <summary><see cref="CandidateVotes"/> as a share (0 to 1) of <see cref="ContinuingBallots"/>; 0 when no ballot is continuing.</summary>
    public double ShareOfContinuing => ContinuingBallots == 0 ? 0 : (double)CandidateVotes / ContinuingBallots;
}
