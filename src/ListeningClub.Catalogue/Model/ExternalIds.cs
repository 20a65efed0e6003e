namespace ListeningClub.Catalogue.Model;

/// <summary>
/// The ids other services know an item by, where the catalogue gave them: IMDb (<c>tt0078748</c>) and TMDB for
/// films, the release-group MBID for albums. Exports carry them so imports (e.g. Letterboxd) match exactly.
/// </summary>
public sealed record ExternalIds(string? Imdb = null, int? Tmdb = null, Guid? MusicBrainzReleaseGroup = null);
