using ListeningClub.Domain.Media;
using ListeningClub.Storage.Postgres.Engine;
using ListeningClub.Storage.Postgres.Mapping;

namespace ListeningClub.Storage.Postgres.Repositories;

/// <summary>Catalogue entries keyed by catalogue id; the JSON is kept inside the row's document, unread.</summary>
public sealed class PostgresCatalogueEntryRepository(PostgresStore store) : ICatalogueEntryRepository
{
    public async Task<CatalogueEntry?> FindAsync(string catalogueId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(catalogueId);
        if (catalogueId.Length > CatalogueEntry.MaxIdLength)
        {
            return null;
        }

        await using var command = store.DataSource.Command("SELECT id, doc FROM catalogue_entries WHERE id = $1", Sql.Text(catalogueId));
        return await store.FirstOrDefaultAsync(command, row => RowDocs.ReadCatalogueEntry(row.GetString(0), row.GetString(1)), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<CatalogueEntry>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.Command("SELECT id, doc FROM catalogue_entries");
        var entries = await store.ListAsync(command, row => RowDocs.ReadCatalogueEntry(row.GetString(0), row.GetString(1)), cancellationToken).ConfigureAwait(false);
        return entries.OrderBy(entry => entry.CatalogueId, StringComparer.Ordinal).ToList();
    }

    public async Task SaveAsync(CatalogueEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!entry.IsWithinLimits)
        {
            throw new ArgumentException(
                $"A catalogue entry needs an id of 1 to {CatalogueEntry.MaxIdLength} characters and JSON of 1 to {CatalogueEntry.MaxJsonLength} (got {entry.CatalogueId?.Length ?? 0} and {entry.Json?.Length ?? 0}).",
                nameof(entry));
        }

        await using var command = store.DataSource.Command(
            "INSERT INTO catalogue_entries (id, doc) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc",
            Sql.Text(entry.CatalogueId),
            Sql.Text(RowDocs.Write(entry)));
        await store.ExecuteAsync(command, repeatable: true, cancellationToken).ConfigureAwait(false);
    }
}
