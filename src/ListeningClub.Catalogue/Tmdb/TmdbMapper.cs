using System.Globalization;
using System.Text.RegularExpressions;
using ListeningClub.Catalogue.Model;

namespace ListeningClub.Catalogue.Tmdb;

/// <summary>TMDB's movie → <see cref="CatalogueItem"/>. A movie without an id or a title is no item (null).</summary>
internal static partial class TmdbMapper
{
    public static CatalogueItem? ToItem(TmdbMovie? movie, TmdbOptions options, DateTimeOffset now, bool detailed)
    {
        if (movie?.Id is not > 0 || CatalogueText.Line(movie.Title) is not { } title || movie.Adult == true)
        {
            return null;
        }

        var original = CatalogueText.Line(movie.OriginalTitle);
        var directors = (movie.Credits?.Crew ?? [])
            .Where(c => c?.Job == "Director")
            .Select(c => CatalogueText.Line(c!.Name, 100))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Take(3)
            .ToList();
        var imdb = movie.ImdbId is { } i && ImdbId().IsMatch(i) ? i : null;
        return new CatalogueItem
        {
            Id = CatalogueId.Tmdb(movie.Id.Value),
            Title = title,
            OriginalTitle = original is not null && original != title ? original : null,
            Year = Year(movie.ReleaseDate),
            ReleaseDate = Year(movie.ReleaseDate) is null ? null : movie.ReleaseDate,
            Credit = directors.Count > 0 ? string.Join(", ", directors) : null,
            RuntimeMinutes = movie.Runtime is > 0 and < 10_000 ? movie.Runtime : null,
            Synopsis = CatalogueText.Paragraph(movie.Overview),
            ImageUrl = TmdbImages.PosterUrl(options.ImageBaseUrl, options.PosterSize, movie.PosterPath),
            Tags = (movie.Genres ?? []).Select(g => CatalogueText.Line(g?.Name, 50)).OfType<string>().ToList(),
            ExternalIds = new ExternalIds(Imdb: imdb, Tmdb: movie.Id.Value),
            IsDetailed = detailed,
            FetchedAt = now,
        };
    }

    /// <summary>The year of a <c>YYYY-MM-DD</c> date; TMDB sends "" for unknown dates.</summary>
    public static int? Year(string? date) =>
        date is { Length: >= 4 } && DateYear().IsMatch(date) && int.TryParse(date.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1850 and <= 2300
            ? year
            : null;

    [GeneratedRegex(@"^tt\d{7,8}$", RegexOptions.CultureInvariant)]
    private static partial Regex ImdbId();

    [GeneratedRegex(@"^\d{4}(-\d{2}(-\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateYear();
}
