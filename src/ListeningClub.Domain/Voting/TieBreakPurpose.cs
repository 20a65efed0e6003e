namespace ListeningClub.Domain.Voting;

/// <summary>What a resolved tie decided, and so which end of the tie-break order was chosen.</summary>
public enum TieBreakPurpose
{
    /// <summary>A tie for the win: the first in tie-break order wins.</summary>
    Win = 0,

    /// <summary>A tie for a lower place in the ranking: the tied candidates take those places in tie-break order.</summary>
    Place = 1,

    /// <summary>An instant-runoff tie for last place: the <em>last</em> in tie-break order is eliminated.</summary>
    Elimination = 2,
}
