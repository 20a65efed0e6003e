using LiteDB;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Ratings;
using ListeningClub.Storage.Documents;
using ListeningClub.Storage.Engine;

namespace ListeningClub.Storage.Repositories;

internal sealed class RatingRepository(LiteStore store) : IRatingRepository
{
    public Task UpsertAsync(Rating rating, CancellationToken cancellationToken)
    {
        var document = RatingDocuments.ToDocument(rating);
        return store.WriteAsync(db => db.GetCollection(Collections.Ratings).Upsert(document), cancellationToken);
    }

    public Task<Rating?> GetAsync(CycleId cycleId, ulong memberId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(store.Read(db =>
            db.GetCollection(Collections.Ratings).FindById(RatingDocuments.Key(cycleId, memberId)) is { } document
                ? RatingDocuments.FromDocument(document)
                : null));
    }

    public Task<IReadOnlyList<Rating>> ListByCycleAsync(CycleId cycleId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (from, to) = Mapping.Bson.CompositeKeyRange(cycleId.Value);
        return Task.FromResult<IReadOnlyList<Rating>>(store.Read(db =>
            db.GetCollection(Collections.Ratings).Find(Filters.Between("_id", from, to)).Select(RatingDocuments.FromDocument).ToList()));
    }

    public Task<IReadOnlyList<Rating>> ListByTrackAsync(TrackId trackId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<Rating>>(store.Read(db =>
            db.GetCollection(Collections.Ratings).Find(Filters.Equal("trackId", trackId.Value))
                .Select(RatingDocuments.FromDocument)
                .OrderBy(rating => rating.RatedAt)
                .ToList()));
    }
}
