using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ListeningClub.Domain.Media;

/// <summary>
/// Normalised identity keys. "The Blues Brothers (1980)" and "blues brothers, the  1980" have the same key:
/// case, accents, punctuation, white space and a leading (or comma-trailing) English article do not matter,
/// and a film's year may be written in the title. A film key is <c>film:{title}:{year}</c>, with an empty year
/// when none is known; see <see cref="SameWork"/> for how a film without a year matches one with a year. A film or
/// album chosen from a catalogue has its catalogue id after a <c>#</c> (<c>film:alien:1979#tmdb:348</c>).
/// </summary>
public static partial class IdentityKeys
{
    private const char CatalogueMark = '#';

    private static readonly string[] Articles = ["the", "a", "an"];

    /// <summary>Film key: normalised title plus the year (from the year field, or else from the end of the title).</summary>
    public static string ForFilm(string title, int? year)
    {
        var full = Normalise(DropCommaArticle(title));
        var (withoutYear, yearInTitle) = SplitTrailingYear(full);

        // A year written in the title counts when no year was given, or when it repeats the given one;
        // otherwise it is part of the title ("Blade Runner 2049", 2017).
        var titleKey = year is null || yearInTitle == year ? withoutYear : full;
        var effectiveYear = year ?? yearInTitle;
        return $"film:{DropArticles(titleKey)}:{effectiveYear?.ToString(CultureInfo.InvariantCulture) ?? ""}";
    }

    /// <summary>Album key: normalised artist and title; the year does not matter (reissues are the same album).</summary>
    public static string ForAlbum(string title, string artist) =>
        $"album:{DropArticles(Normalise(DropCommaArticle(artist)))}:{DropArticles(SplitTrailingYear(Normalise(DropCommaArticle(title))).Text)}";

    /// <summary>A title key with the catalogue id the work has, if any (normalised titles hold no '#').</summary>
    public static string WithCatalogue(string titleKey, string? catalogueId)
    {
        ArgumentNullException.ThrowIfNull(titleKey);
        return string.IsNullOrEmpty(catalogueId) ? titleKey : $"{titleKey}{CatalogueMark}{catalogueId}";
    }

    /// <summary>
    /// Whether two keys name the same film or album. When both carry a catalogue id, the ids decide: two spellings of
    /// one film are one work, two films of the same title are two. Otherwise the titles do: equal keys, or films with
    /// the same title where one of them has no year ("alien" is "Alien (1979)"); two different years are two films
    /// ("The Thing" 1982 and 2011).
    /// </summary>
    public static bool SameWork(string key, string otherKey)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(otherKey);
        var (titleKey, catalogue) = SplitCatalogue(key);
        var (otherTitleKey, otherCatalogue) = SplitCatalogue(otherKey);
        if (catalogue is not null && otherCatalogue is not null)
        {
            return string.Equals(catalogue, otherCatalogue, StringComparison.Ordinal);
        }

        (key, otherKey) = (titleKey, otherTitleKey);
        if (string.Equals(key, otherKey, StringComparison.Ordinal))
        {
            return true;
        }

        var (title, year) = SplitFilmKey(key);
        var (otherTitle, otherYear) = SplitFilmKey(otherKey);
        return title is not null && string.Equals(title, otherTitle, StringComparison.Ordinal) && (year.Length == 0 || otherYear.Length == 0);
    }

    /// <summary>
    /// The part of a key that <see cref="SameWork"/> compares first: a film's key without its year, an album's whole key.
    /// Keys that name the same work always share it.
    /// </summary>
    public static string TitleKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var titleKey = SplitCatalogue(key).TitleKey;
        return SplitFilmKey(titleKey).Title ?? titleKey;
    }

    /// <summary>Whether the key is a film's with no year known.</summary>
    public static bool HasNoYear(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var (title, year) = SplitFilmKey(SplitCatalogue(key).TitleKey);
        return title is not null && year.Length == 0;
    }

    /// <summary>Lower-cases, strips accents, turns punctuation into word breaks and collapses spaces.</summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var rune in decomposed.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (Rune.IsLetterOrDigit(rune))
            {
                builder.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            else if (rune.Value == '&')
            {
                builder.Append(" and ");
            }
            else if (rune.Value is '\'' or '’' or '`')
            {
                // "Schindler's" and "Schindlers" are the same word.
            }
            else
            {
                builder.Append(' ');
            }
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>"film:alien:1979#tmdb:348" → ("film:alien:1979", "tmdb:348"); a key without a catalogue id → (key, null).</summary>
    private static (string TitleKey, string? Catalogue) SplitCatalogue(string key)
    {
        var mark = key.IndexOf(CatalogueMark, StringComparison.Ordinal);
        return mark < 0 ? (key, null) : (key[..mark], key[(mark + 1)..]);
    }

    /// <summary>"film:alien:1979" → ("film:alien", "1979"); not a film key → (null, ""). Normalised titles hold no ':'.</summary>
    private static (string? Title, string Year) SplitFilmKey(string key)
    {
        var colon = key.LastIndexOf(':');
        return key.StartsWith("film:", StringComparison.Ordinal) && colon > 4 ? (key[..colon], key[(colon + 1)..]) : (null, "");
    }

    private static (string Text, int? Year) SplitTrailingYear(string normalised)
    {
        var match = TrailingYear().Match(normalised);
        if (!match.Success || match.Groups["rest"].Length == 0)
        {
            return (normalised, null);
        }

        return (match.Groups["rest"].Value, int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture));
    }

    private static string DropArticles(string normalised)
    {
        var space = normalised.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && Articles.Contains(normalised[..space]) ? normalised[(space + 1)..] : normalised;
    }

    /// <summary>"Blues Brothers, The (1980)" → "Blues Brothers (1980)": an article moved behind a comma, as library catalogues write it.</summary>
    private static string DropCommaArticle(string raw)
    {
        var match = CommaArticle().Match(raw);
        return match.Success ? match.Groups["body"].Value + match.Groups["tail"].Value : raw;
    }

    [GeneratedRegex(@"^(?<body>.+?),\s*(?:the|a|an)(?<tail>[\s()\[\]\d]*)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CommaArticle();

    [GeneratedRegex(@"^(?<rest>.*?) ?(?<year>1[89]\d\d|20\d\d)$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingYear();
}
