using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ListeningClub.Catalogue.Links;

/// <summary>
/// Recognises what members paste: IMDb title URLs and ids (<c>tt\d{7,8}</c>), TMDB movie URLs, MusicBrainz
/// release-group and release URLs and bare MBIDs, Letterboxd film URLs. Pure: no network. Anything else (a typed
/// title, a URL of another site, a TMDB TV page) is not a link.
/// </summary>
public static partial class CatalogueLinkParser
{
    private const int MaxLength = 500;

    public static bool TryParse(string? text, [NotNullWhen(true)] out CatalogueLink? link)
    {
        link = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            return false;
        }

        var trimmed = text.Trim();
        if (trimmed.Length > 2 && trimmed[0] == '<' && trimmed[^1] == '>')
        {
            trimmed = trimmed[1..^1].Trim(); // Discord's "no embed" form: <https://…>
        }

        if (ImdbId().Match(trimmed) is { Success: true } imdb)
        {
            link = new CatalogueLink(CatalogueLinkKind.ImdbTitle, imdb.Value.ToLowerInvariant());
            return true;
        }

        if (Guid.TryParseExact(trimmed, "D", out var mbid) && mbid != Guid.Empty)
        {
            link = new CatalogueLink(CatalogueLinkKind.MusicBrainzId, mbid.ToString("D"));
            return true;
        }

        link = ParseUrl(trimmed);
        return link is not null;
    }

    private static CatalogueLink? ParseUrl(string text)
    {
        if (text.Any(char.IsWhiteSpace))
        {
            return null;
        }

        var withScheme = text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text;
        if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var host = uri.Host.ToLowerInvariant();
        var path = Uri.UnescapeDataString(uri.AbsolutePath);
        if (IsHost(host, "imdb.com") && ImdbPath().Match(path) is { Success: true } imdb)
        {
            return new CatalogueLink(CatalogueLinkKind.ImdbTitle, imdb.Groups["id"].Value.ToLowerInvariant());
        }

        if (IsHost(host, "themoviedb.org") && TmdbPath().Match(path) is { Success: true } tmdb
            && int.TryParse(tmdb.Groups["id"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var movieId) && movieId > 0)
        {
            return new CatalogueLink(CatalogueLinkKind.TmdbMovie, movieId.ToString(CultureInfo.InvariantCulture));
        }

        if (IsHost(host, "musicbrainz.org") && MusicBrainzPath().Match(path) is { Success: true } mb
            && Guid.TryParseExact(mb.Groups["id"].Value, "D", out var mbid) && mbid != Guid.Empty)
        {
            var kind = mb.Groups["entity"].Value == "release-group" ? CatalogueLinkKind.MusicBrainzReleaseGroup : CatalogueLinkKind.MusicBrainzRelease;
            return new CatalogueLink(kind, mbid.ToString("D"));
        }

        if (IsHost(host, "letterboxd.com") && LetterboxdPath().Match(path) is { Success: true } boxd)
        {
            return Letterboxd(boxd.Groups["slug"].Value.ToLowerInvariant());
        }

        return null;
    }

    /// <summary>
    /// "alien" → "alien"; "dune-2021" → "dune" + 2021 (Letterboxd adds the year to tell same-titled films apart);
    /// "blade-runner-2049" gives the same split, so the title guess keeps the number too and callers try both.
    /// </summary>
    private static CatalogueLink Letterboxd(string slug)
    {
        var words = slug.Split('-', StringSplitOptions.RemoveEmptyEntries);
        var title = string.Join(' ', words);
        int? year = null;
        if (words.Length > 1 && words[^1].Length == 4 && int.TryParse(words[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1870 and <= 2200)
        {
            year = y;
        }

        return new CatalogueLink(CatalogueLinkKind.LetterboxdFilm, slug, title, year);
    }

    private static bool IsHost(string host, string domain) => host == domain || host.EndsWith("." + domain, StringComparison.Ordinal);

    [GeneratedRegex(@"^tt\d{7,8}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ImdbId();

    // /title/tt0078748/, /de/title/tt0078748/reference, /title/tt0078748/?ref_=…
    [GeneratedRegex(@"^(?:/[a-z]{2}(?:-[a-z]{2})?)?/title/(?<id>tt\d{7,8})(?:/.*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ImdbPath();

    // /movie/348, /movie/348-alien, /movie/348-alien/cast
    [GeneratedRegex(@"^/movie/(?<id>\d{1,9})(?:-[^/]*)?(?:/.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TmdbPath();

    [GeneratedRegex(@"^/(?<entity>release-group|release)/(?<id>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?:/.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex MusicBrainzPath();

    // /film/alien/, /film/dune-2021/reviews/, /someone/film/alien/ (a member's review or diary entry)
    [GeneratedRegex(@"^(?:/[A-Za-z0-9_]+)?/film/(?<slug>[a-z0-9]+(?:-[a-z0-9]+)*)(?:/.*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LetterboxdPath();
}
