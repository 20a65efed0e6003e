namespace ListeningClub.Domain.Voting;

/// <summary>A head-to-head win: <paramref name="For"/> ballots preferred the winner to <paramref name="Opponent"/>, <paramref name="Against"/> the reverse.</summary>
public sealed record PairwiseWin(string Opponent, int For, int Against);
