using LiteDB;
using ListeningClub.Domain.Clubs;
using ListeningClub.Storage.Documents;
using ListeningClub.Storage.Engine;
using ListeningClub.Storage.Mapping;

namespace ListeningClub.Storage.Repositories;

internal sealed class ClubRepository(LiteStore store) : IClubRepository
{
    public Task<Club?> GetAsync(ulong guildId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(store.Read(db =>
            db.GetCollection(Collections.Clubs).FindById(Bson.FromId(guildId)) is { } document
                ? ClubDocuments.FromDocument(document)
                : null));
    }

    public Task<Club?> FindByArchiveSlugAsync(string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(store.Read(db =>
            db.GetCollection(Collections.Clubs).FindOne(Query.EQ(ClubDocuments.ArchiveSlugField, new BsonValue(slug))) is { } document
                ? ClubDocuments.FromDocument(document)
                : null));
    }

    public Task<IReadOnlyList<Club>> ListAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<Club>>(store.Read(db =>
            db.GetCollection(Collections.Clubs).FindAll().Select(ClubDocuments.FromDocument).ToList()));
    }

    public Task SaveAsync(Club club, CancellationToken cancellationToken)
    {
        var document = ClubDocuments.ToDocument(club);
        return store.WriteAsync(db => db.GetCollection(Collections.Clubs).Upsert(document), cancellationToken);
    }
}
