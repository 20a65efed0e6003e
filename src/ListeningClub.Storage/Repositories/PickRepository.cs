using LiteDB;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Picks;
using ListeningClub.Storage.Documents;
using ListeningClub.Storage.Engine;
using ListeningClub.Storage.Mapping;

namespace ListeningClub.Storage.Repositories;

internal sealed class PickRepository(LiteStore store) : IPickRepository
{
    public Task<Pick?> GetByCycleAsync(CycleId cycleId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(store.Read(db =>
            db.GetCollection(Collections.Picks).FindById(cycleId.Value) is { } document ? PickDocuments.FromDocument(document) : null));
    }

    public Task<IReadOnlyList<Pick>> ListByTrackAsync(TrackId trackId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<Pick>>(store.Read(db =>
            db.GetCollection(Collections.Picks).Find(Filters.Equal("trackId", trackId.Value))
                .Select(PickDocuments.FromDocument)
                .OrderBy(pick => pick.CycleNumber)
                .ToList()));
    }

    public Task<IReadOnlyList<Pick>> ListByGuildAsync(ulong guildId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<Pick>>(store.Read(db =>
            db.GetCollection(Collections.Picks).Find(Filters.Equal("guildId", Bson.FromId(guildId)))
                .Select(PickDocuments.FromDocument)
                .OrderBy(pick => pick.AnnouncedAt)
                .ThenBy(pick => pick.CycleNumber)
                .ToList()));
    }

    public Task SaveAsync(Pick pick, CancellationToken cancellationToken)
    {
        var document = PickDocuments.ToDocument(pick);
        return store.WriteAsync(db => db.GetCollection(Collections.Picks).Upsert(document), cancellationToken);
    }
}
