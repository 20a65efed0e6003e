using ListeningClub.Domain.Common;

namespace ListeningClub.Domain.Ratings;

/// <summary>One member's 1–10 rating of a cycle's pick, sealed and changeable until the reveal.</summary>
public sealed record Rating
{
    public const int MinScore = 1;
    public const int MaxScore = 10;
    public const int MaxReviewLength = 1000;

    public required CycleId CycleId { get; init; }

    public required TrackId TrackId { get; init; }

    public required ulong MemberId { get; init; }

    public required int Score { get; init; }

    public string? Review { get; init; }

    public required DateTimeOffset RatedAt { get; init; }
}
