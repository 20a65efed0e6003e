using System.Globalization;
using System.Text.RegularExpressions;
using ListeningClub.Domain.Common;

namespace ListeningClub.Domain.Media;

/// <summary>Turns what a member typed into a validated <see cref="Film"/> or <see cref="Album"/>, or says what to fix.</summary>
public static partial class MediaFactory
{
    public const int MaxTitleLength = 200;
    public const int MaxArtistLength = 200;
    public const int MaxDirectorLength = 200;
    public const int MaxPitchLength = 500;
    public const int MaxLinkLength = 512;
    public const int EarliestYear = 1870;
    public const int LatestYear = 2100;

    public static Result<Film> Film(string? title, int? year, string? director, string? link, CatalogueFacts? catalogue = null)
    {
        var cleanTitle = TextInput.Required(title, "title", MaxTitleLength);
        if (!cleanTitle.IsSuccess)
        {
            return cleanTitle.Problem!;
        }

        var cleanDirector = TextInput.Optional(director, "director", MaxDirectorLength);
        if (!cleanDirector.IsSuccess)
        {
            return cleanDirector.Problem!;
        }

        if (CheckYear(year) is { } yearProblem)
        {
            return yearProblem;
        }

        var titleAndYear = YearInTitle(cleanTitle.Value, year);
        if (!titleAndYear.IsSuccess)
        {
            return titleAndYear.Problem!;
        }

        var uri = ParseLink(link);
        if (!uri.IsSuccess)
        {
            return uri.Problem!;
        }

        var facts = Catalogue(catalogue);
        if (!facts.IsSuccess)
        {
            return facts.Problem!;
        }

        return new Film { Title = titleAndYear.Value.Title, Year = titleAndYear.Value.Year, Director = cleanDirector.Value, Link = uri.Value, Catalogue = facts.Value };
    }

    public static Result<Album> Album(string? title, string? artist, int? year, string? link, CatalogueFacts? catalogue = null)
    {
        var cleanTitle = TextInput.Required(title, "title", MaxTitleLength);
        if (!cleanTitle.IsSuccess)
        {
            return cleanTitle.Problem!;
        }

        var cleanArtist = TextInput.Required(artist, "artist", MaxArtistLength);
        if (!cleanArtist.IsSuccess)
        {
            return cleanArtist.Problem!;
        }

        if (CheckYear(year) is { } yearProblem)
        {
            return yearProblem;
        }

        var uri = ParseLink(link);
        if (!uri.IsSuccess)
        {
            return uri.Problem!;
        }

        var facts = Catalogue(catalogue);
        if (!facts.IsSuccess)
        {
            return facts.Problem!;
        }

        return new Album { Title = cleanTitle.Value, Artist = cleanArtist.Value, Year = year, Link = uri.Value, Catalogue = facts.Value };
    }

    /// <summary>A pitch is optional; when given it is cleaned and at most <see cref="MaxPitchLength"/> characters.</summary>
    public static Result<string?> Pitch(string? pitch) => TextInput.Optional(pitch, "pitch", MaxPitchLength);

    /// <summary>A link is optional; when given it must be an absolute http or https address.</summary>
    public static Result<Uri?> ParseLink(string? link)
    {
        var cleaned = TextInput.Clean(link);
        if (cleaned.Length == 0)
        {
            return Result<Uri?>.Success(null);
        }

        if (cleaned.Length > MaxLinkLength)
        {
            return Result<Uri?>.Failure("link.too_long", $"The link is {cleaned.Length} characters long; the limit is {MaxLinkLength}.");
        }

        if (!Uri.TryCreate(cleaned, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrEmpty(uri.Host))
        {
            return Result<Uri?>.Failure("link.invalid", "The link must be a web address starting with https:// (for example a Letterboxd, IMDb, Bandcamp or MusicBrainz page).");
        }

        return Result<Uri?>.Success(uri);
    }

    /// <summary>
    /// A catalogue's facts, held to the same rules as typed text: an id of a few visible characters (<c>source:id</c>),
    /// a synopsis cleaned and cut to <see cref="CatalogueFacts.MaxSynopsisLength"/>, plausible numbers, a web image.
    /// </summary>
    private static Result<CatalogueFacts?> Catalogue(CatalogueFacts? facts)
    {
        if (facts is null)
        {
            return Result<CatalogueFacts?>.Success(null);
        }

        var id = facts.Id ?? "";
        if (id.Length is 0 or > CatalogueFacts.MaxIdLength || !id.Contains(':', StringComparison.Ordinal) || id.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '#'))
        {
            return Result<CatalogueFacts?>.Failure("catalogue.bad_id", "That catalogue entry has an id this bot can't keep; nominate the title as typed instead.");
        }

        var synopsis = TextInput.Clean(facts.Synopsis);
        var image = facts.ImageUrl is { IsAbsoluteUri: true, Scheme: "https" or "http" } url ? url : null;
        return Result<CatalogueFacts?>.Success(facts with
        {
            Synopsis = synopsis.Length == 0 ? null : synopsis.Length <= CatalogueFacts.MaxSynopsisLength ? synopsis : string.Concat(synopsis.AsSpan(0, CatalogueFacts.MaxSynopsisLength - 1), "…"),
            ImdbId = TextInput.Clean(facts.ImdbId) is { Length: > 0 and <= 16 } imdb ? imdb : null,
            RuntimeMinutes = facts.RuntimeMinutes is > 0 and < 6000 ? facts.RuntimeMinutes : null,
            TrackCount = facts.TrackCount is > 0 and < 1000 ? facts.TrackCount : null,
            ImageUrl = image,
        });
    }

    /// <summary>
    /// A year written in brackets at the end of a film's title ("Alien (1979)", "Alien [1979]") is the film's year:
    /// it moves out of the title, so the film reads and matches the same as one given the year option. When the year
    /// option gives another year, the member is asked which is right. A bare number at the end stays in the title
    /// ("Blade Runner 2049"); the identity key still reads it as a year when no year is given (<see cref="IdentityKeys.ForFilm"/>).
    /// </summary>
    private static Result<(string Title, int? Year)> YearInTitle(string title, int? year)
    {
        var match = BracketedYear().Match(title);
        if (!match.Success)
        {
            return (title, year);
        }

        var written = int.Parse(match.Groups["year"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        if (CheckYear(written) is not null)
        {
            return (title, year); // not a plausible release year, so part of the name
        }

        return year is { } given && given != written
            ? new Problem("year.two_years", $"The title ends in ({written}) but the year is {given}. Which is it? Give the year once: in the year option, or at the end of the title.")
            : (match.Groups["title"].Value, written);
    }

    [GeneratedRegex(@"^(?<title>.*\S)\s*(?:\((?<year>[0-9]{4})\)|\[(?<year>[0-9]{4})\])$", RegexOptions.CultureInvariant)]
    private static partial Regex BracketedYear();

    private static Problem? CheckYear(int? year) =>
        year is { } value && (value < EarliestYear || value > LatestYear)
            ? new Problem("year.out_of_range", $"{value} is not a plausible year; use a year between {EarliestYear} and {LatestYear}.")
            : null;
}
