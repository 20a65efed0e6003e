using ListeningClub.Domain.Common;

namespace ListeningClub.Domain.Nominations;

public interface INominationRepository
{
    Task<Nomination?> GetAsync(NominationId id, CancellationToken cancellationToken);

    /// <summary>Every nomination of the cycle, whatever its status, oldest first.</summary>
    Task<IReadOnlyList<Nomination>> ListByCycleAsync(CycleId cycleId, CancellationToken cancellationToken);

    /// <summary>Every nomination a member ever made in the track, oldest first.</summary>
    Task<IReadOnlyList<Nomination>> ListByTrackAsync(TrackId trackId, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a nomination unless an active nomination with the same key is already in the cycle (checked atomically
    /// with the insert). Returns that existing nomination when there is one, otherwise null.
    /// </summary>
    Task<Nomination?> AddAsync(Nomination nomination, CancellationToken cancellationToken);

    /// <summary>Adds several nominations in one transaction (carry-over into a new cycle).</summary>
    Task AddRangeAsync(IReadOnlyList<Nomination> nominations, CancellationToken cancellationToken);

    /// <summary>Replaces a nomination (withdraw, veto).</summary>
    Task UpdateAsync(Nomination nomination, CancellationToken cancellationToken);
}
