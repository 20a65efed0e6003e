using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ListeningClub.Domain.Media;

/// <summary>
/// Normalised identity keys. "The Blues Brothers (1980)" and "blues brothers, the  1980" have the same key:
/// case, accents, punctuation, white space and a leading (or comma-trailing) English article do not matter,
/// and a film's year may be written in the title.
/// </summary>
public static partial class IdentityKeys
{
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
