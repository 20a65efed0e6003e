using ListeningClub.Catalogue.Model;

namespace ListeningClub.Catalogue.Links;

/// <summary>
/// A link or id a member pasted, parsed. <see cref="Id"/> is canonical (lower-case tt-id, decimal TMDB id,
/// lower-case MBID, Letterboxd slug). For Letterboxd, <see cref="TitleGuess"/> and <see cref="YearGuess"/> come from the slug.
/// </summary>
public sealed record CatalogueLink(CatalogueLinkKind Kind, string Id, string? TitleGuess = null, int? YearGuess = null)
{
    /// <summary>The kind of item the link names.</summary>
    public CatalogueKind ItemKind => Kind is CatalogueLinkKind.ImdbTitle or CatalogueLinkKind.TmdbMovie or CatalogueLinkKind.LetterboxdFilm
        ? CatalogueKind.Film
        : CatalogueKind.Album;

    /// <summary>True when the link names exactly one item; false for Letterboxd (a title search the member confirms).</summary>
    public bool IsExact => Kind != CatalogueLinkKind.LetterboxdFilm;
}
