using LiteDB;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Storage.Documents;
using ListeningClub.Storage.Engine;

namespace ListeningClub.Storage.Repositories;

internal sealed class CycleRepository(LiteStore store) : ICycleRepository
{
    public Task<Cycle?> GetAsync(CycleId id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(store.Read(db =>
            db.GetCollection(Collections.Cycles).FindById(id.Value) is { } document ? CycleDocuments.FromDocument(document) : null));
    }

    public Task<Cycle?> GetCurrentAsync(TrackId trackId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (from, to) = CycleDocuments.TrackRange(trackId);
        return Task.FromResult(store.Read(db =>
            db.GetCollection(Collections.Cycles)
                .Find(Filters.Between(CycleDocuments.TrackNumberIndex, from, to))
                .Select(CycleDocuments.FromDocument)
                .MaxBy(cycle => cycle.Number)));
    }

    public Task<IReadOnlyList<Cycle>> ListByTrackAsync(TrackId trackId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (from, to) = CycleDocuments.TrackRange(trackId);
        return Task.FromResult<IReadOnlyList<Cycle>>(store.Read(db =>
            db.GetCollection(Collections.Cycles)
                .Find(Filters.Between(CycleDocuments.TrackNumberIndex, from, to))
                .Select(CycleDocuments.FromDocument)
                .OrderBy(cycle => cycle.Number)
                .ToList()));
    }

    public Task SaveAsync(Cycle cycle, CancellationToken cancellationToken)
    {
        var document = CycleDocuments.ToDocument(cycle);
        return Conflicts.Translate(
            store.WriteAsync(db => db.GetCollection(Collections.Cycles).Upsert(document), cancellationToken),
            $"The track already has a cycle number {cycle.Number}.");
    }
}
