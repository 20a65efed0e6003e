using ListeningClub.Domain.Common;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Domain.Picks;

/// <summary>
/// The announced winner of a cycle, kept as history. The full explanation can always be recomputed from the cycle's
/// ballots and the revealed seed, which is what makes the result auditable.
/// </summary>
public sealed record Pick
{
    public required CycleId CycleId { get; init; }

    public required TrackId TrackId { get; init; }

    public required ulong GuildId { get; init; }

    public required int CycleNumber { get; init; }

    public required NominationId NominationId { get; init; }

    public required MediaItem Media { get; init; }

    public required ulong NominatorId { get; init; }

    public string? Pitch { get; init; }

    public required DateTimeOffset AnnouncedAt { get; init; }

    public required VotingMethod Method { get; init; }

    public required int BallotCount { get; init; }

    public required int CandidateCount { get; init; }

    /// <summary>True when the tie-break decided the winner or a step on the way.</summary>
    public required bool TieBroken { get; init; }

    public required string TieBreakSeedHex { get; init; }

    public required string TieBreakCommitment { get; init; }

    /// <summary>The discussion thread opened for it, once there is one.</summary>
    public ulong? ThreadId { get; init; }
}
