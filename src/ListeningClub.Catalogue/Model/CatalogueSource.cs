namespace ListeningClub.Catalogue.Model;

/// <summary>Which catalogue an id belongs to.</summary>
public enum CatalogueSource
{
    /// <summary>The Movie Database; the id is the numeric TMDB movie id.</summary>
    Tmdb,

    /// <summary>MusicBrainz; the id is a release-group MBID (lower-case UUID).</summary>
    MusicBrainz,
}
