using ListeningClub.Catalogue.Caching;
using ListeningClub.Catalogue.Links;
using ListeningClub.Catalogue.Model;

namespace ListeningClub.Catalogue;

/// <summary>
/// Films (TMDB) and albums (MusicBrainz + Cover Art Archive) behind one cache. Every method answers with a
/// <see cref="CatalogueResult{T}"/>: expected failures (not configured, down, slow, garbage, the caller's deadline)
/// never throw, and no call outlives the caller's token.
/// </summary>
public interface ICatalogue
{
    /// <summary>Configured and not in an outage: worth asking (otherwise answer from cache or take the title as typed).</summary>
    bool IsAvailable(CatalogueKind kind);

    /// <summary>About how long an album request made now waits for its MusicBrainz turn.</summary>
    TimeSpan EstimatedAlbumWait { get; }

    CatalogueCacheStatistics CacheStatistics { get; }

    /// <summary>Films matching a title, optionally of one year; most popular first.</summary>
    Task<CatalogueResult<IReadOnlyList<CatalogueItem>>> SearchFilmsAsync(string title, int? year, CancellationToken ct);

    /// <summary>Albums (release groups) matching a title and optionally an artist; best match first.</summary>
    Task<CatalogueResult<IReadOnlyList<CatalogueItem>>> SearchAlbumsAsync(string title, string? artist, CancellationToken ct);

    /// <summary>What a member typed ("Alien (1979)", "OK Computer — Radiohead"), searched in the kind's catalogue.</summary>
    Task<CatalogueResult<IReadOnlyList<CatalogueItem>>> SearchAsync(CatalogueKind kind, string typed, CancellationToken ct);

    /// <summary>The best answer already in memory for what a member typed (a cached search for it or for its start), without any request.</summary>
    IReadOnlyList<CatalogueItem> SearchCached(CatalogueKind kind, string typed);

    /// <summary>One item with its details: director, runtime (films); artist, cover (albums).</summary>
    Task<CatalogueResult<CatalogueItem>> GetAsync(CatalogueId id, CancellationToken ct);

    /// <summary>The item(s) a pasted link names: exactly one for an id link, the search hits for a Letterboxd slug.</summary>
    Task<CatalogueResult<IReadOnlyList<CatalogueItem>>> ResolveLinkAsync(CatalogueLink link, CancellationToken ct);

    /// <summary>Keeps a chosen item (memory and the bot's <see cref="ICatalogueItemStore"/>), so it never needs the network again.</summary>
    ValueTask RememberAsync(CatalogueItem item, CancellationToken ct);
}
