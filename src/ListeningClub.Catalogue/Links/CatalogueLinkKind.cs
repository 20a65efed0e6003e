namespace ListeningClub.Catalogue.Links;

/// <summary>What a pasted link or id points at.</summary>
public enum CatalogueLinkKind
{
    /// <summary>An IMDb title (<c>tt0078748</c>): resolved through TMDB's find.</summary>
    ImdbTitle,

    /// <summary>A TMDB movie (<c>/movie/348-alien</c>).</summary>
    TmdbMovie,

    /// <summary>A MusicBrainz release group.</summary>
    MusicBrainzReleaseGroup,

    /// <summary>A MusicBrainz release: resolved to its release group.</summary>
    MusicBrainzRelease,

    /// <summary>A bare MBID: a release group, or else a release.</summary>
    MusicBrainzId,

    /// <summary>A Letterboxd film page: no public API, so the slug becomes a title to search (then the member confirms).</summary>
    LetterboxdFilm,
}
