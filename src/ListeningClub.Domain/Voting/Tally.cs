namespace ListeningClub.Domain.Voting;

/// <summary>
/// The election engine: counts a cycle's ballots by the track's voting method. Pure, synchronous and
/// deterministic: the same ballots and seed give the same result whatever the order of the ballots or of the
/// candidate list, because every tie at every step goes to the <see cref="TieBreaker"/>.
/// </summary>
public static class Tally
{
    /// <summary>Counts the ballots.</summary>
    /// <param name="method">How to count.</param>
    /// <param name="candidateIds">The candidates (at least one, no repeats). Their order only sets the display order of explanations.</param>
    /// <param name="ballots">
    /// One list of candidate ids per member. Plurality: exactly one id. Approval: the approved ids (any number).
    /// Instant-runoff and Schulze: a ranking, most preferred first; partial rankings are allowed (unranked
    /// candidates sit below every ranked one, equal to each other), and an empty ranking counts as a ballot that
    /// prefers nobody. An empty list of ballots means nobody voted: every candidate ties and the tie-break decides.
    /// </param>
    /// <param name="tieBreaker">Resolves every tie, from the cycle's committed seed.</param>
    /// <exception cref="ArgumentException">
    /// On caller bugs: no candidates, a repeated candidate, an id on a ballot that is not a candidate, the same
    /// candidate twice on one ballot, or a plurality ballot without exactly one choice. (Ballots are meant to be
    /// validated before they reach the engine.)
    /// </exception>
    public static TallyResult Count(
        VotingMethod method,
        IReadOnlyList<string> candidateIds,
        IReadOnlyList<IReadOnlyList<string>> ballots,
        TieBreaker tieBreaker)
    {
        ArgumentNullException.ThrowIfNull(tieBreaker);
        if (!Enum.IsDefined(method))
        {
            throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown voting method.");
        }

        using var box = BallotBox.Fill(method, candidateIds, ballots);
        var tieBreaks = new TieBreakLog(tieBreaker, box.Candidates);
        return method switch
        {
            VotingMethod.Plurality or VotingMethod.Approval => CountingByVotes.Count(method, box, tieBreaks),
            VotingMethod.InstantRunoff => InstantRunoffCounting.Count(box, tieBreaks),
            VotingMethod.Schulze => SchulzeCounting.Count(box, tieBreaks),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown voting method."),
        };
    }
}
