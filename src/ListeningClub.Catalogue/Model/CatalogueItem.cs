using System.Globalization;

namespace ListeningClub.Catalogue.Model;

/// <summary>
/// A film or an album as a catalogue describes it. Text is raw (not markdown-escaped: callers escape it) but
/// cleaned of control characters and bounded in length. Optional facts are null when the catalogue did not give them.
/// </summary>
public sealed record CatalogueItem
{
    public required CatalogueId Id { get; init; }

    public CatalogueKind Kind => Id.Kind;

    public required string Title { get; init; }

    /// <summary>The year of first release (film release date, album first-release-date).</summary>
    public int? Year { get; init; }

    /// <summary>The full first-release date as the catalogue gave it: <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>.</summary>
    public string? ReleaseDate { get; init; }

    /// <summary>The film's director(s) or the album's artist credit, e.g. "Ridley Scott", "Simon &amp; Garfunkel".</summary>
    public string? Credit { get; init; }

    /// <summary>The original-language title when it differs from <see cref="Title"/>.</summary>
    public string? OriginalTitle { get; init; }

    public int? RuntimeMinutes { get; init; }

    public int? TrackCount { get; init; }

    /// <summary>A short synopsis (films); albums have none.</summary>
    public string? Synopsis { get; init; }

    /// <summary>The poster (TMDB image URL) or front cover (Cover Art Archive front-250 URL), when one exists.</summary>
    public Uri? ImageUrl { get; init; }

    /// <summary>Genres (films) or the release group's primary and secondary types (albums: "Album", "Live").</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public required ExternalIds ExternalIds { get; init; }

    /// <summary>True when the item came from a details lookup (director, runtime…), false for a search hit.</summary>
    public bool IsDetailed { get; init; }

    /// <summary>When the catalogue answered. Stored copies should be refreshed after months (TMDB's terms).</summary>
    public DateTimeOffset FetchedAt { get; init; }

    /// <summary>"Alien (1979) — Ridley Scott": raw text for a choice or a heading (escape and cut it where it is shown).</summary>
    public string Label
    {
        get
        {
            var label = Year is { } year ? string.Create(CultureInfo.InvariantCulture, $"{Title} ({year})") : Title;
            return string.IsNullOrEmpty(Credit) ? label : $"{label} — {Credit}";
        }
    }
}
