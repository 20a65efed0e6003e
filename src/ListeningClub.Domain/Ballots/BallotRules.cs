using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Domain.Ballots;

/// <summary>Checks a ballot against the track's voting method and the cycle's candidates.</summary>
public static class BallotRules
{
    public static Result<Ballot> Cast(Track track, Cycle cycle, IReadOnlyCollection<Nomination> cycleNominations, ulong memberId, IReadOnlyList<NominationId> choices, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(cycleNominations);
        ArgumentNullException.ThrowIfNull(choices);

        if (cycle.Phase != CyclePhase.Voting)
        {
            return cycle.WrongPhase(CycleActions.Vote, track.Name, track.TimeZone);
        }

        if (choices.Count == 0)
        {
            return new Problem("ballot.empty", "Your ballot is empty; choose at least one nomination.");
        }

        if (choices.Distinct().Count() != choices.Count)
        {
            return new Problem("ballot.duplicate", "Your ballot names the same nomination more than once; each place needs a different one.");
        }

        var candidates = cycleNominations.Where(n => n.IsActive && n.CycleId == cycle.Id).Select(n => n.Id).ToHashSet();
        if (choices.Any(choice => !candidates.Contains(choice)))
        {
            return new Problem("ballot.unknown", "Your ballot names a nomination that is not (or no longer) on this cycle's list. Open the ballot again to see the current list.");
        }

        var method = track.Rules.VotingMethod;
        var size = Math.Min(track.Rules.BallotSize, candidates.Count);
        switch (method)
        {
            case VotingMethod.Plurality when choices.Count != 1:
                return new Problem("ballot.plurality", "This track votes by plurality: choose exactly one nomination.");
            case VotingMethod.InstantRunoff or VotingMethod.Schulze when choices.Count > size:
                return new Problem("ballot.too_many", $"This track's ballot ranks at most {size} nominations; you ranked {choices.Count}.");
            default:
                return new Ballot { CycleId = cycle.Id, MemberId = memberId, Choices = choices.ToList(), CastAt = now.ToUniversalTime() };
        }
    }
}
