namespace ListeningClub.Domain.Voting;

/// <summary>The outcome of <see cref="Tally.Count"/>. Compares by content.</summary>
/// <param name="Method">The voting method counted.</param>
/// <param name="Winner">The winning candidate id.</param>
/// <param name="Ranking">
/// The full finishing order, winner first. Plurality and approval: by count. Instant-runoff: candidates still
/// continuing when the winner was elected (by their final-round votes), then the eliminated in reverse order of
/// elimination. Schulze: by the Schulze ordering. Ties at any place are resolved by the tie-break and recorded in <paramref name="TieBreaks"/>.
/// </param>
/// <param name="BallotCount">The number of ballots counted (including empty ones).</param>
/// <param name="Explanation">How the result was reached; the subtype matches the method.</param>
/// <param name="TieBreaks">Every tie the tie-break resolved, in the order they arose.</param>
public sealed record TallyResult(
    VotingMethod Method,
    string Winner,
    IReadOnlyList<string> Ranking,
    int BallotCount,
    TallyExplanation Explanation,
    IReadOnlyList<TieBreakRecord> TieBreaks)
{
    public IReadOnlyList<string> Ranking { get; init => field = ValueList<string>.From(value); } = ValueList<string>.From(Ranking);

    public IReadOnlyList<TieBreakRecord> TieBreaks { get; init => field = ValueList<TieBreakRecord>.From(value); } = ValueList<TieBreakRecord>.From(TieBreaks);

    /// <summary>True when the winner came out of a tie for the win (a <see cref="TieBreakPurpose.Win"/> tie-break).</summary>
    public bool WinnerDecidedByTieBreak => TieBreaks.Any(t => t.Purpose == TieBreakPurpose.Win);
}
