namespace ListeningClub.Domain.Voting;

/// <summary>Schulze: the pairwise preferences and the strongest paths the result is read from.</summary>
/// <param name="Candidates">The candidates labelling the matrices' rows and columns (candidate-list order).</param>
/// <param name="Pairwise">d[i, j]: the number of ballots ranking i above j (a ranked candidate is above every unranked one; unranked candidates are equal).</param>
/// <param name="StrongestPaths">
/// p[i, j]: the strength of the strongest path from i to j, where a path's strength is its weakest link and a link
/// i→j exists when d[i, j] &gt; d[j, i], with strength d[i, j]; 0 when there is no path. i finishes above j when p[i, j] &gt; p[j, i].
/// </param>
/// <param name="WinnerPairwiseWins">The opponents the winner beats head to head (d[w, o] &gt; d[o, w]), in candidate-list order.</param>
public sealed record SchulzeExplanation(
    IReadOnlyList<string> Candidates,
    CandidateMatrix Pairwise,
    CandidateMatrix StrongestPaths,
    IReadOnlyList<PairwiseWin> WinnerPairwiseWins,
    string Summary,
    bool NobodyVoted)
    : TallyExplanation(Summary, NobodyVoted)
{
    public IReadOnlyList<string> Candidates { get; init => field = ValueList<string>.From(value); } = ValueList<string>.From(Candidates);

    public IReadOnlyList<PairwiseWin> WinnerPairwiseWins { get; init => field = ValueList<PairwiseWin>.From(value); } = ValueList<PairwiseWin>.From(WinnerPairwiseWins);
}
