using ListeningClub.Domain.Common;

namespace ListeningClub.Domain.Ballots;

public interface IBallotRepository
{
    /// <summary>Stores the ballot, replacing the member's earlier ballot in that cycle. Completes only once durable.</summary>
    Task UpsertAsync(Ballot ballot, CancellationToken cancellationToken);

    Task<Ballot?> GetAsync(CycleId cycleId, ulong memberId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Ballot>> ListByCycleAsync(CycleId cycleId, CancellationToken cancellationToken);

    Task<int> CountByCycleAsync(CycleId cycleId, CancellationToken cancellationToken);

    /// <summary>Removes the member's ballot in that cycle, if any (a member who took back every poll vote). Completes once durable.</summary>
    Task DeleteAsync(CycleId cycleId, ulong memberId, CancellationToken cancellationToken);
}
