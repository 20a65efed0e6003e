namespace ListeningClub.Domain.Media;

/// <summary>
/// What a catalogue (TMDB for films, MusicBrainz for albums) says about a nominated film or album: its stable id
/// there, which decides whether two nominations are the same work, and the facts its cards show. Absent for a
/// film or album nominated as typed.
/// </summary>
public sealed record CatalogueFacts
{
    public const int MaxIdLength = 64;
    public const int MaxSynopsisLength = 1000;

    /// <summary>The catalogue's id, e.g. <c>tmdb:348</c> or <c>musicbrainz:{release-group MBID}</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The film's IMDb id (<c>tt0078748</c>), when known: Letterboxd imports match it exactly.</summary>
    public string? ImdbId { get; init; }

    /// <summary>The TMDB movie id, when the id is a TMDB one.</summary>
    public int? TmdbId => Id.StartsWith("tmdb:", StringComparison.Ordinal) && int.TryParse(Id.AsSpan(5), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    public string? Synopsis { get; init; }

    public int? RuntimeMinutes { get; init; }

    public int? TrackCount { get; init; }

    /// <summary>The poster or front cover.</summary>
    public Uri? ImageUrl { get; init; }
}
