namespace ListeningClub.Domain.Voting;

/// <summary>
/// How a tally reached its result, for members to read. Each voting method has its own subtype:
/// <see cref="CountExplanation"/>, <see cref="InstantRunoffExplanation"/>, <see cref="SchulzeExplanation"/>.
/// Lists of candidates follow the order of the candidate list given to <see cref="Tally.Count"/>
/// (a display order only: nothing decided depends on it).
/// </summary>
/// <param name="Summary">One plain sentence saying who won and why (or that nobody voted).</param>
/// <param name="NobodyVoted">True when there were no ballots at all, so the tie-break alone decided.</param>
public abstract record TallyExplanation(string Summary, bool NobodyVoted);
