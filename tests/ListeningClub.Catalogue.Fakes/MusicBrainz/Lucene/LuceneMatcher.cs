using System.Globalization;
using System.Text;

namespace ListeningClub.Catalogue.Fakes.MusicBrainz.Lucene;

/// <summary>
/// Evaluates a parsed query against a document's fields the way an analysed index would: text is lower-cased,
/// accents folded and split at anything that is not a letter or digit; a term or phrase matches when its words
/// appear in order in the field (a prefix term's last word as a prefix). Unfielded clauses use the default field.
/// </summary>
public static class LuceneMatcher
{
    public static bool Matches(LuceneNode node, Func<string, IReadOnlyList<string>> field, string defaultField) => node switch
    {
        LuceneAnd and => Matches(and.Left, field, defaultField) && Matches(and.Right, field, defaultField),
        LuceneOr or => Matches(or.Left, field, defaultField) || Matches(or.Right, field, defaultField),
        LuceneNot not => !Matches(not.Inner, field, defaultField),
        LuceneField f => Matches(f.Inner, field, f.Name),
        LuceneTerm term => Contains(field(defaultField), Words(term.Text), term.Prefix),
        LucenePhrase phrase => Contains(field(defaultField), Words(phrase.Text), prefix: false),
        _ => false,
    };

    /// <summary>Lower-case, accent-folded words.</summary>
    public static List<string> Words(string text)
    {
        var folded = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
            }
        }

        return [.. folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)];
    }

    private static bool Contains(IReadOnlyList<string> values, List<string> words, bool prefix)
    {
        if (words.Count == 0)
        {
            return false;
        }

        foreach (var value in values)
        {
            var tokens = Words(value);
            for (var start = 0; start + words.Count <= tokens.Count; start++)
            {
                var all = true;
                for (var k = 0; k < words.Count && all; k++)
                {
                    var last = k == words.Count - 1;
                    all = last && prefix ? tokens[start + k].StartsWith(words[k], StringComparison.Ordinal) : tokens[start + k] == words[k];
                }

                if (all)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
