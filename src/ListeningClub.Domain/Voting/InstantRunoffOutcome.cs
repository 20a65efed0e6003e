namespace ListeningClub.Domain.Voting;

/// <summary>How an instant-runoff round ended.</summary>
public enum InstantRunoffOutcome
{
    /// <summary>The candidate with the fewest votes was eliminated and their ballots transferred.</summary>
    Eliminated = 0,

    /// <summary>A candidate won: more than half of the continuing ballots, the last two tied (tie-break), or the only one left.</summary>
    Elected = 1,
}
