using System.Globalization;
using ListeningClub.Catalogue.Links;
using ListeningClub.Catalogue.Model;

namespace ListeningClub.Catalogue;

/// <summary>Pasted links: ids become exactly one item, a Letterboxd slug becomes a title search.</summary>
internal sealed partial class CatalogueService
{
    public async Task<CatalogueResult<IReadOnlyList<CatalogueItem>>> ResolveLinkAsync(CatalogueLink link, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(link);
        return link.Kind switch
        {
            CatalogueLinkKind.TmdbMovie => One(await GetAsync(CatalogueId.Tmdb(int.Parse(link.Id, CultureInfo.InvariantCulture)), ct).ConfigureAwait(false)),
            CatalogueLinkKind.ImdbTitle => One(await FromImdbAsync(link.Id, ct).ConfigureAwait(false)),
            CatalogueLinkKind.MusicBrainzReleaseGroup => One(await GetAsync(CatalogueId.MusicBrainz(Guid.Parse(link.Id)), ct).ConfigureAwait(false)),
            CatalogueLinkKind.MusicBrainzRelease => One(await FromReleaseAsync(Guid.Parse(link.Id), ct).ConfigureAwait(false)),
            CatalogueLinkKind.MusicBrainzId => One(await FromAnyMbidAsync(Guid.Parse(link.Id), ct).ConfigureAwait(false)),
            _ => await FromLetterboxdAsync(link, ct).ConfigureAwait(false),
        };
    }

    private async Task<CatalogueResult<CatalogueItem>> FromImdbAsync(string imdbId, CancellationToken ct)
    {
        var key = "imdb:" + imdbId;
        if (cache.TryGet<CatalogueItem>(key, out var cached))
        {
            return CatalogueResult<CatalogueItem>.Found(cached);
        }

        var found = await tmdb.FindByImdbIdAsync(imdbId, ct).ConfigureAwait(false);
        if (!found.IsFound)
        {
            return found;
        }

        // The details add the director and runtime; if they fail now, the search hit is still the right film.
        var details = await GetAsync(found.Value!.Id, ct).ConfigureAwait(false);
        var item = details.IsFound ? details.Value! : found.Value;
        cache.Set(key, item, cacheOptions.CurrentValue.ItemTtl);
        return CatalogueResult<CatalogueItem>.Found(item);
    }

    private async Task<CatalogueResult<CatalogueItem>> FromReleaseAsync(Guid releaseId, CancellationToken ct)
    {
        var key = "release:" + releaseId.ToString("D");
        if (cache.TryGet<CatalogueItem>(key, out var cached))
        {
            return CatalogueResult<CatalogueItem>.Found(cached);
        }

        var result = await WithCoverAsync(await musicBrainz.GetReleaseGroupOfReleaseAsync(releaseId, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
        if (result.IsFound)
        {
            cache.Set(key, result.Value!, cacheOptions.CurrentValue.ItemTtl);
        }

        return result;
    }

    private async Task<CatalogueResult<CatalogueItem>> FromAnyMbidAsync(Guid mbid, CancellationToken ct)
    {
        var group = await GetAsync(CatalogueId.MusicBrainz(mbid), ct).ConfigureAwait(false);
        return group.Status == CatalogueStatus.NotFound ? await FromReleaseAsync(mbid, ct).ConfigureAwait(false) : group;
    }

    /// <summary>"dune-2021" → Dune of 2021; if that finds nothing ("blade-runner-2049"), the whole slug as the title.</summary>
    private async Task<CatalogueResult<IReadOnlyList<CatalogueItem>>> FromLetterboxdAsync(CatalogueLink link, CancellationToken ct)
    {
        var title = link.TitleGuess ?? link.Id;
        if (link.YearGuess is { } year)
        {
            var withoutYear = title[..title.LastIndexOf(' ')];
            var byYear = await SearchFilmsAsync(withoutYear, year, ct).ConfigureAwait(false);
            if (!byYear.IsFound || byYear.Value!.Count > 0)
            {
                return byYear;
            }
        }

        return await SearchFilmsAsync(title, null, ct).ConfigureAwait(false);
    }

    private static CatalogueResult<IReadOnlyList<CatalogueItem>> One(CatalogueResult<CatalogueItem> result) =>
        result.IsFound ? CatalogueResult<IReadOnlyList<CatalogueItem>>.Found([result.Value!]) : result.As<IReadOnlyList<CatalogueItem>>();
}
