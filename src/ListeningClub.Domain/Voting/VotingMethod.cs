namespace ListeningClub.Domain.Voting;

/// <summary>How a track's election is counted.</summary>
public enum VotingMethod
{
    /// <summary>One choice per member; most votes wins.</summary>
    Plurality = 0,

    /// <summary>Any number of choices per member; most approvals wins.</summary>
    Approval = 1,

    /// <summary>Ranked; the last-placed candidate is eliminated round by round and its ballots transfer.</summary>
    InstantRunoff = 2,

    /// <summary>Ranked; Condorcet-consistent, by strongest paths over the pairwise matrix.</summary>
    Schulze = 3,
}
