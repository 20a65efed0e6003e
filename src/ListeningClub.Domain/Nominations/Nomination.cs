using ListeningClub.Domain.Common;
using ListeningClub.Domain.Media;

namespace ListeningClub.Domain.Nominations;

/// <summary>A film or album put forward by a member in one cycle.</summary>
public sealed record Nomination
{
    public required NominationId Id { get; init; }

    public required TrackId TrackId { get; init; }

    public required CycleId CycleId { get; init; }

    public required ulong MemberId { get; init; }

    public required MediaItem Media { get; init; }

    public string? Pitch { get; init; }

    public required DateTimeOffset NominatedAt { get; init; }

    public NominationStatus Status { get; init; } = NominationStatus.Active;

    /// <summary>Why a manager vetoed it, shown to the nominator.</summary>
    public string? VetoReason { get; init; }

    /// <summary>How many times it has been carried into a following cycle unpicked (0 for a fresh nomination).</summary>
    public int CarriedOver { get; init; }

    /// <summary>The normalised identity key; unique among a cycle's nominations.</summary>
    public string Key => Media.IdentityKey;

    public bool IsActive => Status == NominationStatus.Active;

    /// <summary>The voting engine's candidate id.</summary>
    public string CandidateId => Id.ToString();
}
