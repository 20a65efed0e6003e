namespace ListeningClub.Domain.Voting;

/// <summary>A number of ballots (votes, approvals, transfers) for one candidate.</summary>
public sealed record CandidateCount(string CandidateId, int Count);
