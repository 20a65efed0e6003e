namespace ListeningClub.Domain.Media;

/// <summary>The catalogue entries members chose, one per catalogue id (see <see cref="CatalogueEntry"/>).</summary>
public interface ICatalogueEntryRepository
{
    /// <summary>
    /// The entry stored under <paramref name="catalogueId"/>, whatever its age; null when there is none. Throws
    /// <see cref="InvalidDataException"/> when a stored entry cannot be read.
    /// </summary>
    Task<CatalogueEntry?> FindAsync(string catalogueId, CancellationToken cancellationToken);

    /// <summary>Every stored entry, ordered by catalogue id (ordinal): for moving a store whole.</summary>
    Task<IReadOnlyList<CatalogueEntry>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Inserts the entry, or replaces the one stored under its catalogue id. It must be within its limits (<see cref="CatalogueEntry.IsWithinLimits"/>).</summary>
    Task SaveAsync(CatalogueEntry entry, CancellationToken cancellationToken);
}
