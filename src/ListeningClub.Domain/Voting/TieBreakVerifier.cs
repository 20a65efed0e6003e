using System.Diagnostics.CodeAnalysis;

namespace ListeningClub.Domain.Voting;

/// <summary>
/// Lets a member check a published tie-break: that the revealed seed is the one committed to when
/// voting opened, and that the tie went to the candidate the documented rule (<see cref="TieBreaker"/>) picks.
/// </summary>
public static class TieBreakVerifier
{
    /// <summary>
    /// Checks a revealed seed against its commitment and a claimed tie winner against the rule.
    /// Never throws on bad input; every problem is reported in <see cref="TieBreakVerification.Reason"/>.
    /// </summary>
    /// <param name="commitment">The published commitment: hex SHA-256 of the 32 seed bytes (either case).</param>
    /// <param name="revealedSeedHex">The revealed seed: 64 hex digits.</param>
    /// <param name="tiedCandidateIds">The candidates that were tied (any order).</param>
    /// <param name="claimedWinner">Who the result says won the tie.</param>
    public static TieBreakVerification Verify(string commitment, string revealedSeedHex, IReadOnlyList<string> tiedCandidateIds, string claimedWinner)
    {
        if (!TieBreakSeed.TryParse(revealedSeedHex, out var seed, out var seedError))
        {
            return Fail(seedMatches: false, expected: null, order: [], $"The revealed seed is not valid: {seedError}");
        }

        var seedMatches = string.Equals(seed.Commitment, commitment?.Trim(), StringComparison.OrdinalIgnoreCase);
        var commitmentProblem = seedMatches
            ? null
            : $"The revealed seed does not match the commitment: its SHA-256 is {seed.Commitment}, but the commitment published was {Describe(commitment)}.";

        if (tiedCandidateIds is null || tiedCandidateIds.Count == 0)
        {
            return Fail(seedMatches, expected: null, order: [], Join(commitmentProblem, "No tied candidates were given."));
        }

        IReadOnlyList<string> order;
        try
        {
            order = new TieBreaker(seed).Order(tiedCandidateIds);
        }
        catch (ArgumentException ex)
        {
            return Fail(seedMatches, expected: null, order: [], Join(commitmentProblem, $"The tied candidates are not a valid list: {ex.Message}"));
        }

        var expected = order[0];
        var winnerMatches = string.Equals(expected, claimedWinner, StringComparison.Ordinal);
        string? winnerProblem = null;
        if (!winnerMatches)
        {
            winnerProblem = order.Contains(claimedWinner, StringComparer.Ordinal)
                ? $"The tie-break picks '{expected}', not '{claimedWinner}'."
                : $"'{claimedWinner}' is not among the tied candidates; the tie-break picks '{expected}'.";
        }

        return new TieBreakVerification(seedMatches, winnerMatches, expected, order, Join(commitmentProblem, winnerProblem));
    }

    private static TieBreakVerification Fail(bool seedMatches, string? expected, string[] order, string reason) =>
        new(seedMatches, WinnerMatches: false, expected, order, reason);

    private static string Describe(string? commitment) =>
        string.IsNullOrWhiteSpace(commitment) ? "empty" : commitment.Trim();

    [return: NotNullIfNotNull(nameof(second))]
    private static string? Join(string? first, string? second) =>
        first is null ? second : second is null ? first : first + " " + second;
}
