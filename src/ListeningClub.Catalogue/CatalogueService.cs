using ListeningClub.Catalogue.Caching;
using ListeningClub.Catalogue.CoverArt;
using ListeningClub.Catalogue.Model;
using ListeningClub.Catalogue.MusicBrainz;
using ListeningClub.Catalogue.Search;
using ListeningClub.Catalogue.Tmdb;
using Microsoft.Extensions.Options;

namespace ListeningClub.Catalogue;

/// <summary>The <see cref="ICatalogue"/>: the clients behind the memory cache and the bot's item store.</summary>
internal sealed partial class CatalogueService(
    TmdbClient tmdb,
    MusicBrainzClient musicBrainz,
    CoverArtClient coverArt,
    CatalogueCache cache,
    ICatalogueItemStore store,
    IOptionsMonitor<CatalogueCacheOptions> cacheOptions) : ICatalogue
{
    public TimeSpan EstimatedAlbumWait => musicBrainz.EstimatedWait;

    public CatalogueCacheStatistics CacheStatistics => cache.Statistics;

    public bool IsAvailable(CatalogueKind kind) => kind == CatalogueKind.Film ? tmdb.IsAvailable : musicBrainz.IsAvailable;

    public Task<CatalogueResult<IReadOnlyList<CatalogueItem>>> SearchFilmsAsync(string title, int? year, CancellationToken ct) =>
        SearchCachedOrAsync(new TypedQuery(title, year, null), CatalogueKind.Film, ct);

    public Task<CatalogueResult<IReadOnlyList<CatalogueItem>>> SearchAlbumsAsync(string title, string? artist, CancellationToken ct) =>
        SearchCachedOrAsync(new TypedQuery(title, null, artist), CatalogueKind.Album, ct);

    public Task<CatalogueResult<IReadOnlyList<CatalogueItem>>> SearchAsync(CatalogueKind kind, string typed, CancellationToken ct)
    {
        var query = TypedQuery.Parse(typed, kind);
        return SearchCachedOrAsync(kind == CatalogueKind.Album ? query with { Year = null } : query with { Credit = null }, kind, ct);
    }

    public IReadOnlyList<CatalogueItem> SearchCached(CatalogueKind kind, string typed)
    {
        var query = TypedQuery.Parse(typed, kind);
        query = kind == CatalogueKind.Album ? query with { Year = null } : query with { Credit = null };
        if (cache.TryGet<IReadOnlyList<CatalogueItem>>(SearchKey(kind, query), out var exact))
        {
            return exact;
        }

        // A search for the start of what was typed ("ok comp" for "ok compu"), narrowed to the items that still match.
        var words = query.Title.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var length = query.Title.Length - 1; length >= 2; length--)
        {
            var shorter = query with { Title = query.Title[..length].TrimEnd() };
            if (cache.Peek<IReadOnlyList<CatalogueItem>>(SearchKey(kind, shorter), out var wider))
            {
                return wider.Where(item => Matches(item, words)).ToList();
            }
        }

        return [];
    }

    public async Task<CatalogueResult<CatalogueItem>> GetAsync(CatalogueId id, CancellationToken ct)
    {
        var key = ItemKey(id);
        if (cache.TryGet<CatalogueItem>(key, out var cached))
        {
            return CatalogueResult<CatalogueItem>.Found(cached);
        }

        if (await FindStoredAsync(id, ct).ConfigureAwait(false) is { } stored)
        {
            cache.Set(key, stored, cacheOptions.CurrentValue.ItemTtl);
            return CatalogueResult<CatalogueItem>.Found(stored);
        }

        var result = id.Source == CatalogueSource.Tmdb
            ? await tmdb.GetMovieAsync(id.TmdbId!.Value, ct).ConfigureAwait(false)
            : await WithCoverAsync(await musicBrainz.GetReleaseGroupAsync(id.MusicBrainzId!.Value, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
        if (result.IsFound)
        {
            cache.Set(key, result.Value!, cacheOptions.CurrentValue.ItemTtl);
        }

        return result;
    }

    public async ValueTask RememberAsync(CatalogueItem item, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(item);
        cache.Set(ItemKey(item.Id), item, cacheOptions.CurrentValue.ItemTtl);
        await store.SaveAsync(item, ct).ConfigureAwait(false);
    }

    private async Task<CatalogueResult<IReadOnlyList<CatalogueItem>>> SearchCachedOrAsync(TypedQuery query, CatalogueKind kind, CancellationToken ct)
    {
        var key = SearchKey(kind, query);
        if (cache.TryGet<IReadOnlyList<CatalogueItem>>(key, out var cached))
        {
            return CatalogueResult<IReadOnlyList<CatalogueItem>>.Found(cached);
        }

        var result = kind == CatalogueKind.Film
            ? await tmdb.SearchMoviesAsync(query.Title, query.Year, ct).ConfigureAwait(false)
            : await musicBrainz.SearchReleaseGroupsAsync(query.Title, query.Credit, ct).ConfigureAwait(false);
        if (result.IsFound)
        {
            cache.Set(key, result.Value!, cacheOptions.CurrentValue.SearchTtl);
        }

        return result;
    }

    /// <summary>The album with its front-cover URL when the Cover Art Archive has one (no cover is no failure).</summary>
    private async Task<CatalogueResult<CatalogueItem>> WithCoverAsync(CatalogueResult<CatalogueItem> album, CancellationToken ct)
    {
        if (!album.IsFound || album.Value!.ExternalIds.MusicBrainzReleaseGroup is not { } mbid)
        {
            return album;
        }

        var coverKey = "cover:" + mbid.ToString("D");
        if (!cache.TryGet<Uri>(coverKey, out var cover))
        {
            var found = await coverArt.FindFrontCoverAsync(mbid, ct).ConfigureAwait(false);
            cover = found.Value!;
            if (found.IsFound)
            {
                cache.Set(coverKey, cover, cacheOptions.CurrentValue.ItemTtl);
            }
        }

        return cover is null ? album : CatalogueResult<CatalogueItem>.Found(album.Value with { ImageUrl = cover });
    }

    private async Task<CatalogueItem?> FindStoredAsync(CatalogueId id, CancellationToken ct)
    {
        try
        {
            return await store.FindAsync(id, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return null;
        }
    }

    private static bool Matches(CatalogueItem item, string[] words)
    {
        var text = (item.Title + " " + item.Credit).ToLowerInvariant();
        return words.All(w => text.Contains(w, StringComparison.Ordinal));
    }

    private static string SearchKey(CatalogueKind kind, TypedQuery query) => (kind == CatalogueKind.Film ? "search:film:" : "search:album:") + query.Key;

    private static string ItemKey(CatalogueId id) => "item:" + id;
}
