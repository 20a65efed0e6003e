namespace ListeningClub.Domain.Voting;

/// <summary>The answer of <see cref="TieBreakVerifier.Verify"/>.</summary>
/// <param name="SeedMatchesCommitment">The revealed seed is well-formed and its SHA-256 equals the published commitment.</param>
/// <param name="WinnerMatches">The claimed winner is the one the tie-break rule picks under the revealed seed.</param>
/// <param name="ExpectedWinner">Who the rule picks under the revealed seed; null when the seed or the tied list is unusable.</param>
/// <param name="Order">The tied candidates in tie-break order under the revealed seed; empty when it cannot be computed.</param>
/// <param name="Reason">Why the check failed, in words a member can read; null when it passed.</param>
public sealed record TieBreakVerification(
    bool SeedMatchesCommitment,
    bool WinnerMatches,
    string? ExpectedWinner,
    IReadOnlyList<string> Order,
    string? Reason)
{
    public IReadOnlyList<string> Order { get; init => field = ValueList<string>.From(value); } = ValueList<string>.From(Order);

    /// <summary>Both checks passed: the seed is the committed one and the tie went to the right candidate.</summary>
    public bool IsValid => SeedMatchesCommitment && WinnerMatches;
}
