using ListeningClub.Catalogue.Model;

namespace ListeningClub.Catalogue.Caching;

/// <summary>
/// Where the bot keeps the items members chose, so a chosen item never needs the network again. The catalogue
/// reads it before asking a service and writes to it through <see cref="ICatalogue.RememberAsync"/>. The bot
/// implements it on its store (refreshing entries older than a few months, as TMDB's terms ask); the default keeps nothing.
/// </summary>
public interface ICatalogueItemStore
{
    ValueTask<CatalogueItem?> FindAsync(CatalogueId id, CancellationToken ct);

    ValueTask SaveAsync(CatalogueItem item, CancellationToken ct);
}

/// <summary>The default store: remembers nothing.</summary>
internal sealed class NoCatalogueItemStore : ICatalogueItemStore
{
    public ValueTask<CatalogueItem?> FindAsync(CatalogueId id, CancellationToken ct) => ValueTask.FromResult<CatalogueItem?>(null);

    public ValueTask SaveAsync(CatalogueItem item, CancellationToken ct) => ValueTask.CompletedTask;
}
