using LiteDB;
using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Common;
using ListeningClub.Storage.Documents;
using ListeningClub.Storage.Engine;

namespace ListeningClub.Storage.Repositories;

internal sealed class BallotRepository(LiteStore store) : IBallotRepository
{
    public Task UpsertAsync(Ballot ballot, CancellationToken cancellationToken)
    {
        var document = BallotDocuments.ToDocument(ballot);
        return store.WriteAsync(db => db.GetCollection(Collections.Ballots).Upsert(document), cancellationToken);
    }

    public Task DeleteAsync(CycleId cycleId, ulong memberId, CancellationToken cancellationToken)
    {
        var key = BallotDocuments.Key(cycleId, memberId);
        return store.WriteAsync(db => db.GetCollection(Collections.Ballots).Delete(key), cancellationToken);
    }

    public Task<Ballot?> GetAsync(CycleId cycleId, ulong memberId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(store.Read(db =>
            db.GetCollection(Collections.Ballots).FindById(BallotDocuments.Key(cycleId, memberId)) is { } document
                ? BallotDocuments.FromDocument(document)
                : null));
    }

    public Task<IReadOnlyList<Ballot>> ListByCycleAsync(CycleId cycleId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (from, to) = Mapping.Bson.CompositeKeyRange(cycleId.Value);
        return Task.FromResult<IReadOnlyList<Ballot>>(store.Read(db =>
            db.GetCollection(Collections.Ballots).Find(Filters.Between("_id", from, to)).Select(BallotDocuments.FromDocument).ToList()));
    }

    public Task<int> CountByCycleAsync(CycleId cycleId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (from, to) = Mapping.Bson.CompositeKeyRange(cycleId.Value);
        return Task.FromResult(store.Read(db => db.GetCollection(Collections.Ballots).Count(Filters.Between("_id", from, to))));
    }
}
