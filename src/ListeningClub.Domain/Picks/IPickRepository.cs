using ListeningClub.Domain.Common;

namespace ListeningClub.Domain.Picks;

public interface IPickRepository
{
    Task<Pick?> GetByCycleAsync(CycleId cycleId, CancellationToken cancellationToken);

    /// <summary>The track's picks, oldest first.</summary>
    Task<IReadOnlyList<Pick>> ListByTrackAsync(TrackId trackId, CancellationToken cancellationToken);

    /// <summary>Every pick in the guild's club, oldest first.</summary>
    Task<IReadOnlyList<Pick>> ListByGuildAsync(ulong guildId, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the pick of its cycle (one per cycle).</summary>
    Task SaveAsync(Pick pick, CancellationToken cancellationToken);
}
