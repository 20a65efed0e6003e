using System.Globalization;
using System.Text;
using ListeningClub.Catalogue.Model;

namespace ListeningClub.Catalogue.MusicBrainz;

/// <summary>
/// Builds MusicBrainz search queries (Lucene syntax) from user text so that the text can only ever be search
/// terms: every Lucene special character is backslash-escaped, words are lower-cased (so AND, OR, NOT are words,
/// not operators) and the structure — fields, grouping, operators — is ours alone.
/// </summary>
public static class LuceneQuery
{
    /// <summary>Lucene's special characters: <c>+ - &amp; | ! ( ) { } [ ] ^ " ~ * ? : \ /</c>.</summary>
    public const string SpecialCharacters = "+-&|!(){}[]^\"~*?:\\/";

    private const int MaxWords = 10;

    /// <summary>Every special character preceded by a backslash; everything else unchanged.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (SpecialCharacters.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>The searchable words of <paramref name="text"/>: lower-case, at most ten; words without a letter or digit are dropped.</summary>
    public static IReadOnlyList<string> Words(string? text) =>
        (CatalogueText.Line(text, 200) ?? "")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Any(char.IsLetterOrDigit))
            .Select(w => w.ToLower(CultureInfo.InvariantCulture))
            .Take(MaxWords)
            .ToList();

    /// <summary>
    /// <c>releasegroup:(ok AND computer*) AND artist:(radiohead) AND primarytype:album</c>: every title word must
    /// match, the last one as a prefix (members are still typing); the artist's words likewise, without the prefix.
    /// Null when the title has no searchable word.
    /// </summary>
    public static string? ReleaseGroupSearch(string title, string? artist, string? primaryType)
    {
        var titleWords = Words(title);
        if (titleWords.Count == 0)
        {
            return null;
        }

        var query = new StringBuilder("releasegroup:(");
        for (var i = 0; i < titleWords.Count; i++)
        {
            query.Append(i == 0 ? "" : " AND ").Append(Escape(titleWords[i]));
            if (i == titleWords.Count - 1 && titleWords[i].Length >= 3)
            {
                query.Append('*');
            }
        }

        query.Append(')');
        var artistWords = Words(artist);
        if (artistWords.Count > 0)
        {
            query.Append(" AND artist:(").AppendJoin(" AND ", artistWords.Select(Escape)).Append(')');
        }

        if (!string.IsNullOrWhiteSpace(primaryType))
        {
            query.Append(" AND primarytype:").Append(Escape(primaryType.Trim().ToLowerInvariant()));
        }

        return query.ToString();
    }
}
