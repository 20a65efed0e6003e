using ListeningClub.Domain.Common;

namespace ListeningClub.Domain.Ballots;

/// <summary>One member's vote in one cycle; casting again replaces it until voting closes.</summary>
public sealed record Ballot
{
    public required CycleId CycleId { get; init; }

    public required ulong MemberId { get; init; }

    /// <summary>The chosen nominations: one for plurality, a set for approval, most preferred first for ranked methods.</summary>
    public required IReadOnlyList<NominationId> Choices { get; init; }

    public required DateTimeOffset CastAt { get; init; }
}
