using ListeningClub.Domain.Common;

namespace ListeningClub.Domain.Ratings;

public interface IRatingRepository
{
    /// <summary>Stores the rating, replacing the member's earlier rating of that cycle's pick.</summary>
    Task UpsertAsync(Rating rating, CancellationToken cancellationToken);

    Task<Rating?> GetAsync(CycleId cycleId, ulong memberId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Rating>> ListByCycleAsync(CycleId cycleId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Rating>> ListByTrackAsync(TrackId trackId, CancellationToken cancellationToken);
}
