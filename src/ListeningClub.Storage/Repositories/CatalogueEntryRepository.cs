using ListeningClub.Domain.Media;
using ListeningClub.Storage.Documents;
using ListeningClub.Storage.Engine;

namespace ListeningClub.Storage.Repositories;

internal sealed class CatalogueEntryRepository(LiteStore store) : ICatalogueEntryRepository
{
    public Task<CatalogueEntry?> FindAsync(string catalogueId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(catalogueId);
        cancellationToken.ThrowIfCancellationRequested();
        if (catalogueId.Length > CatalogueEntry.MaxIdLength)
        {
            return Task.FromResult<CatalogueEntry?>(null);
        }

        return Task.FromResult(store.Read(db =>
            db.GetCollection(Collections.CatalogueEntries).FindById(catalogueId) is { } document ? CatalogueEntryDocuments.FromDocument(document) : null));
    }

    public Task<IReadOnlyList<CatalogueEntry>> ListAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<CatalogueEntry>>(store.Read(db =>
            db.GetCollection(Collections.CatalogueEntries).FindAll()
                .Select(CatalogueEntryDocuments.FromDocument)
                .OrderBy(entry => entry.CatalogueId, StringComparer.Ordinal)
                .ToList()));
    }

    public Task SaveAsync(CatalogueEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!entry.IsWithinLimits)
        {
            throw new ArgumentException(
                $"A catalogue entry needs an id of 1 to {CatalogueEntry.MaxIdLength} characters and JSON of 1 to {CatalogueEntry.MaxJsonLength} (got {entry.CatalogueId?.Length ?? 0} and {entry.Json?.Length ?? 0}).",
                nameof(entry));
        }

        var document = CatalogueEntryDocuments.ToDocument(entry);
        return store.WriteAsync(db => db.GetCollection(Collections.CatalogueEntries).Upsert(document), cancellationToken);
    }
}
