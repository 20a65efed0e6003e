using ListeningClub.Domain.Common;

namespace ListeningClub.Domain.Cycles;

public interface ICycleRepository
{
    Task<Cycle?> GetAsync(CycleId id, CancellationToken cancellationToken);

    /// <summary>The track's cycle with the highest number, or null before the first.</summary>
    Task<Cycle?> GetCurrentAsync(TrackId trackId, CancellationToken cancellationToken);

    /// <summary>All of a track's cycles, oldest first.</summary>
    Task<IReadOnlyList<Cycle>> ListByTrackAsync(TrackId trackId, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the cycle. (track, number) is unique.</summary>
    Task SaveAsync(Cycle cycle, CancellationToken cancellationToken);
}
