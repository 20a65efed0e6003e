using LiteDB;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Nominations;
using ListeningClub.Storage.Documents;
using ListeningClub.Storage.Engine;

namespace ListeningClub.Storage.Repositories;

internal sealed class NominationRepository(LiteStore store) : INominationRepository
{
    public Task<Nomination?> GetAsync(NominationId id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(store.Read(db =>
            db.GetCollection(Collections.Nominations).FindById(id.Value) is { } document ? NominationDocuments.FromDocument(document) : null));
    }

    public Task<IReadOnlyList<Nomination>> ListByCycleAsync(CycleId cycleId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<Nomination>>(List(Filters.Equal("cycleId", cycleId.Value)));
    }

    public Task<IReadOnlyList<Nomination>> ListByTrackAsync(TrackId trackId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<Nomination>>(List(Filters.Equal("trackId", trackId.Value)));
    }

    /// <summary>
    /// The check for an active duplicate and the insert run in the same writer transaction, so two members nominating
    /// the same film at the same moment get one nomination and one "already nominated" answer. The unique
    /// <c>activeKey</c> index is the backstop.
    /// </summary>
    public async Task<Nomination?> AddAsync(Nomination nomination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nomination);
        var document = NominationDocuments.ToDocument(nomination);
        var activeKey = NominationDocuments.ActiveKey(nomination.CycleId, nomination.Key);
        var existing = await store.WriteAsync(
            db =>
            {
                var collection = db.GetCollection(Collections.Nominations);
                if (nomination.IsActive && collection.FindOne(Filters.Equal(NominationDocuments.ActiveKeyIndex, activeKey)) is { } found)
                {
                    return found;
                }

                collection.Insert(document);
                return null;
            },
            cancellationToken).ConfigureAwait(false);
        return existing is null ? null : NominationDocuments.FromDocument(existing);
    }

    public Task AddRangeAsync(IReadOnlyList<Nomination> nominations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nominations);
        var documents = nominations.Select(NominationDocuments.ToDocument).ToList();
        return Conflicts.Translate(
            store.WriteAsync(db => db.GetCollection(Collections.Nominations).InsertBulk(documents), cancellationToken),
            "A nomination with the same film or album is already active in that cycle.");
    }

    public Task UpdateAsync(Nomination nomination, CancellationToken cancellationToken)
    {
        var document = NominationDocuments.ToDocument(nomination);
        return Conflicts.Translate(
            store.WriteAsync(
                db =>
                {
                    if (!db.GetCollection(Collections.Nominations).Update(document))
                    {
                        throw new InvalidOperationException($"Nomination {nomination.Id} does not exist.");
                    }
                },
                cancellationToken),
            "A nomination with the same film or album is already active in that cycle.");
    }

    private List<Nomination> List(BsonExpression query) => store.Read(db =>
        db.GetCollection(Collections.Nominations).Find(query)
            .Select(NominationDocuments.FromDocument)
            .OrderBy(nomination => nomination.NominatedAt)
            .ThenBy(nomination => nomination.Id.Value)
            .ToList());
}
