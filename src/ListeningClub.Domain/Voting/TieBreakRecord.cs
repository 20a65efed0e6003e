namespace ListeningClub.Domain.Voting;

/// <summary>
/// One tie the <see cref="TieBreaker"/> resolved during a tally.
/// </summary>
/// <param name="Stage">Where it happened, in words (e.g. "Round 2: tie for last place").</param>
/// <param name="Tied">The tied candidates, in ordinal id order (not an order of preference).</param>
/// <param name="Order">The tied candidates in tie-break order: first is the most preferred.</param>
/// <param name="Chosen">
/// Who the tie-break picked at this stage: the first of <paramref name="Order"/> for a <see cref="TieBreakPurpose.Win"/>
/// or a <see cref="TieBreakPurpose.Place"/>; the <em>last</em> of <paramref name="Order"/> for an <see cref="TieBreakPurpose.Elimination"/>.
/// </param>
/// <param name="Purpose">What the tie decided.</param>
public sealed record TieBreakRecord(string Stage, IReadOnlyList<string> Tied, IReadOnlyList<string> Order, string Chosen, TieBreakPurpose Purpose = TieBreakPurpose.Win)
{
    public IReadOnlyList<string> Tied { get; init => field = ValueList<string>.From(value); } = ValueList<string>.From(Tied);

    public IReadOnlyList<string> Order { get; init => field = ValueList<string>.From(value); } = ValueList<string>.From(Order);
}
