using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ListeningClub.Catalogue.Model;

/// <summary>
/// An item's identity in its catalogue: <c>tmdb:348</c> (a TMDB movie) or <c>musicbrainz:{release-group MBID}</c>.
/// Two spellings of the same film share it; two films of the same title do not. Stable: safe to store and compare.
/// </summary>
public readonly record struct CatalogueId
{
    private CatalogueId(CatalogueSource source, string value)
    {
        Source = source;
        Value = value;
    }

    public CatalogueSource Source { get; }

    /// <summary>The id within the source, in canonical form (decimal TMDB id, lower-case MBID).</summary>
    public string Value { get; }

    public CatalogueKind Kind => Source == CatalogueSource.Tmdb ? CatalogueKind.Film : CatalogueKind.Album;

    public static CatalogueId Tmdb(int movieId) =>
        movieId > 0 ? new(CatalogueSource.Tmdb, movieId.ToString(CultureInfo.InvariantCulture)) : throw new ArgumentOutOfRangeException(nameof(movieId));

    public static CatalogueId MusicBrainz(Guid releaseGroupId) =>
        releaseGroupId != Guid.Empty ? new(CatalogueSource.MusicBrainz, releaseGroupId.ToString("D")) : throw new ArgumentOutOfRangeException(nameof(releaseGroupId));

    /// <summary>The TMDB movie id, when this is a TMDB id.</summary>
    public int? TmdbId => Source == CatalogueSource.Tmdb ? int.Parse(Value, CultureInfo.InvariantCulture) : null;

    /// <summary>The release-group MBID, when this is a MusicBrainz id.</summary>
    public Guid? MusicBrainzId => Source == CatalogueSource.MusicBrainz ? Guid.Parse(Value) : null;

    /// <summary>Parses the <see cref="ToString"/> form back (<c>tmdb:348</c>, <c>musicbrainz:…</c>).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out CatalogueId? id)
    {
        id = null;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || colon <= 0)
        {
            return false;
        }

        var prefix = text[..colon];
        var value = text[(colon + 1)..];
        if (prefix == "tmdb" && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var movie) && movie > 0)
        {
            id = Tmdb(movie);
        }
        else if (prefix == "musicbrainz" && Guid.TryParseExact(value, "D", out var mbid) && mbid != Guid.Empty)
        {
            id = MusicBrainz(mbid);
        }

        return id is not null;
    }

    public override string ToString() => (Source == CatalogueSource.Tmdb ? "tmdb:" : "musicbrainz:") + Value;
}
