using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Domain.Ballots;

/// <summary>Turns a cycle's nominations and ballots into the voting engine's candidates and ballots.</summary>
public static class Election
{
    /// <summary>
    /// Counts the ballots. Choices of nominations that are no longer active (vetoed while voting was open) are
    /// dropped from each ballot; a ballot left empty counts as not cast. Ballots are counted in member order so the
    /// count never depends on the order the store returns them in. If a manager changed the track's method while
    /// voting was open, ballots cast under the old method still count: a ranked ballot counts its first choice under
    /// plurality and all its choices under approval.
    /// </summary>
    public static TallyResult Count(VotingMethod method, IReadOnlyList<Nomination> candidates, IEnumerable<Ballot> ballots, TieBreakSeed seed)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(ballots);
        var active = candidates.Where(n => n.IsActive).Select(n => n.Id).ToHashSet();
        var engineBallots = ballots
            .OrderBy(b => b.MemberId)
            .Select(b => b.Choices.Where(active.Contains).Select(id => id.ToString()))
            .Select(choices => (IReadOnlyList<string>)(method == VotingMethod.Plurality ? choices.Take(1) : choices).ToList())
            .Where(choices => choices.Count > 0)
            .ToList();
        var candidateIds = candidates.Where(n => n.IsActive).Select(n => n.CandidateId).ToList();
        return Tally.Count(method, candidateIds, engineBallots, new TieBreaker(seed));
    }
}
