using ListeningClub.Catalogue;
using ListeningClub.Catalogue.Links;
using ListeningClub.Catalogue.Model;
using ListeningClub.Domain.Media;

namespace ListeningClub.Bot.Features.Nominations;

/// <summary>
/// What the catalogue made of a /nominate: the one item (<see cref="Item"/>); entries for the member to choose from,
/// none meaning "nothing found" (<see cref="Choices"/>); or no catalogue to ask (not configured for the kind, or not
/// answering: <see cref="Unavailable"/> says so, to tell the member), so the title is taken as typed.
/// </summary>
public sealed record CatalogueMatch
{
    private CatalogueMatch(CatalogueItem? item, IReadOnlyList<CatalogueItem>? choices, string? unavailable)
    {
        Item = item;
        Choices = choices;
        Unavailable = unavailable;
    }

    public CatalogueItem? Item { get; }

    public IReadOnlyList<CatalogueItem>? Choices { get; }

    public string? Unavailable { get; }

    /// <summary>Nominate as typed; <paramref name="reason"/> says why when the catalogue did not answer.</summary>
    public static CatalogueMatch AsTyped(string? reason) => new(null, null, reason);

    public static CatalogueMatch One(CatalogueItem item) => new(item, null, null);

    public static CatalogueMatch Choose(IReadOnlyList<CatalogueItem> candidates) => new(null, candidates, null);

    /// <summary>The most choices a select menu offers besides "as typed".</summary>
    public const int MaxCandidates = 10;

    /// <summary>
    /// Looks up what a member typed as a title: an id chosen in the autocomplete (<c>tmdb:348</c>), a pasted link (IMDb,
    /// TMDB, MusicBrainz, Letterboxd), or plain text. Plain text is the one item when exactly one result has that title
    /// (and year, and artist, when given); otherwise the member chooses among the results.
    /// </summary>
    public static async Task<CatalogueMatch> FindAsync(ICatalogue catalogue, MediaKind kind, string title, int? year, string? artist, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var catalogueKind = kind == MediaKind.Film ? CatalogueKind.Film : CatalogueKind.Album;
        if (!catalogue.IsAvailable(catalogueKind))
        {
            return AsTyped(null);
        }

        if (CatalogueId.TryParse(title, out var id) && id.Value.Kind == catalogueKind)
        {
            var item = await catalogue.GetAsync(id.Value, ct).ConfigureAwait(false);
            return item.IsFound ? One(item.Value!) : item.IsUnavailable ? AsTyped(item.Message) : Choose([]);
        }

        if (CatalogueLinkParser.TryParse(title, out var link) && link.ItemKind == catalogueKind)
        {
            var linked = await catalogue.ResolveLinkAsync(link, ct).ConfigureAwait(false);
            return linked.IsUnavailable ? AsTyped(linked.Message)
                : !linked.IsFound ? Choose([])
                : link.IsExact && linked.Value!.Count == 1 ? await DetailedAsync(catalogue, linked.Value[0], ct).ConfigureAwait(false)
                : Choose([.. linked.Value!.Take(MaxCandidates)]);
        }

        var found = kind == MediaKind.Film
            ? await catalogue.SearchFilmsAsync(title, year, ct).ConfigureAwait(false)
            : await catalogue.SearchAlbumsAsync(title, artist, ct).ConfigureAwait(false);
        if (found.IsUnavailable)
        {
            return AsTyped(found.Message);
        }

        var results = found.Value ?? [];
        var exact = results.Where(r => SameTitle(r, title, year, artist)).ToList();
        return exact.Count == 1 ? await DetailedAsync(catalogue, exact[0], ct).ConfigureAwait(false)
            : results.Count == 0 ? Choose([])
            : Choose([.. exact.Concat(results.Except(exact)).Take(MaxCandidates)]);
    }

    /// <summary>The item with its details (director, runtime, cover), or as found when the details cannot be had now.</summary>
    public static async Task<CatalogueMatch> DetailedAsync(ICatalogue catalogue, CatalogueItem item, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(item);
        if (item.IsDetailed)
        {
            return One(item);
        }

        var detailed = await catalogue.GetAsync(item.Id, ct).ConfigureAwait(false);
        return One(detailed.IsFound ? detailed.Value! : item);
    }

    /// <summary>The film or album to nominate from a catalogue item, with the member's own link when they gave one.</summary>
    public static Domain.Common.Result<MediaItem> ToMedia(CatalogueItem item, string? link, string? artist)
    {
        ArgumentNullException.ThrowIfNull(item);
        var facts = new CatalogueFacts
        {
            Id = item.Id.ToString(),
            ImdbId = item.ExternalIds.Imdb,
            Synopsis = item.Synopsis,
            RuntimeMinutes = item.RuntimeMinutes,
            TrackCount = item.TrackCount,
            ImageUrl = item.ImageUrl,
        };
        var page = link ?? PageOf(item.Id);
        return item.Kind == CatalogueKind.Film
            ? MediaFactory.Film(item.Title, item.Year, item.Credit, page, facts).Map(f => (MediaItem)f)
            : MediaFactory.Album(item.Title, item.Credit ?? artist, item.Year, page, facts).Map(a => (MediaItem)a);
    }

    /// <summary>The item's page in its catalogue, linked from the cards.</summary>
    public static string PageOf(CatalogueId id) => id.Source == CatalogueSource.Tmdb
        ? $"https://www.themoviedb.org/movie/{id.Value}"
        : $"https://musicbrainz.org/release-group/{id.Value}";

    private static bool SameTitle(CatalogueItem item, string title, int? year, string? artist) =>
        IdentityKeys.Normalise(item.Title) == IdentityKeys.Normalise(title)
        && (year is null || item.Year == year)
        && (artist is null || item.Credit is null || IdentityKeys.Normalise(item.Credit) == IdentityKeys.Normalise(artist));
}
