using System.Globalization;
using System.Text;

namespace ListeningClub.Discord.Safety;

/// <summary>Helpers for putting user text (titles, pitches, reviews) into Discord messages safely.</summary>
public static class DiscordText
{
    /// <summary>Zero-width space: breaks <c>@everyone</c> and <c>&lt;@id&gt;</c> without changing what people read.</summary>
    public const char ZeroWidthSpace = '\u200B';

    public const string Ellipsis = "…";

    /// <summary>
    /// Escapes Discord markdown so the text shows literally: emphasis, strike, spoilers, code, masked links,
    /// headings/quotes/lists at line starts. Neutralises <c>@everyone</c>, <c>@here</c> and mention / channel /
    /// timestamp / command tags by inserting a zero-width space.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length + 16);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (lineStart)
            {
                EscapeLineStart(text, ref i, sb);
                lineStart = false;
                if (i >= text.Length)
                {
                    break;
                }

                c = text[i];
            }

            switch (c)
            {
                case '\n':
                    sb.Append(c);
                    lineStart = true;
                    break;
                case '\\' or '*' or '_' or '~' or '`' or '|' or '[' or ']':
                    sb.Append('\\').Append(c);
                    break;
                case '@':
                    sb.Append('@');
                    if (StartsWithAt(text, i + 1, "everyone") || StartsWithAt(text, i + 1, "here"))
                    {
                        sb.Append(ZeroWidthSpace);
                    }

                    break;
                case '<':
                    sb.Append('<');
                    if (StartsTag(text, i + 1))
                    {
                        sb.Append(ZeroWidthSpace);
                    }

                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }

    private static void EscapeLineStart(string text, ref int i, StringBuilder sb)
    {
        // Keep leading spaces, then escape a block marker: heading (#, -#), quote (>), list (-, +, *, 1.).
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            sb.Append(text[i]);
            i++;
        }

        if (i >= text.Length)
        {
            return;
        }

        var c = text[i];
        if (c is '#' or '>' or '-' or '+')
        {
            sb.Append('\\').Append(c);
            i++;
            return;
        }

        if (char.IsAsciiDigit(c))
        {
            var j = i;
            while (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                j++;
            }

            if (j < text.Length && text[j] is '.' or ')')
            {
                sb.Append(text, i, j - i).Append('\\').Append(text[j]);
                i = j + 1;
            }
        }
    }

    private static bool StartsWithAt(string text, int index, string word) =>
        index + word.Length <= text.Length && string.Compare(text, index, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0;

    // <@user>, <@!user>, <@&role>, <#channel>, </command:id>, <:emoji:id>, <a:emoji:id>, <t:unix>.
    private static bool StartsTag(string text, int index) =>
        index < text.Length && (text[index] is '@' or '#' or '/' or ':'
            || (text[index] is 'a' or 't' && index + 1 < text.Length && text[index + 1] == ':'));

    /// <summary>
    /// Removes control characters (Unicode category Cc: NUL, bell, escape, DEL, C1 controls, carriage returns) except
    /// line feeds, which Discord shows as line breaks. Every text the client sends goes through it.
    /// </summary>
    public static string WithoutControls(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (!text.Any(c => char.IsControl(c) && c != '\n'))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsControl(c) || c == '\n')
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Cuts <paramref name="text"/> to at most <paramref name="maxLength"/> UTF-16 code units, ending with "…" when cut.
    /// Never splits a surrogate pair or a grapheme cluster (emoji sequences, combining marks).
    /// </summary>
    public static string Truncate(string? text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (string.IsNullOrEmpty(text) || text.Length <= maxLength)
        {
            return text ?? "";
        }

        var budget = maxLength - Ellipsis.Length;
        var cut = 0;
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var end = enumerator.ElementIndex + ((string)enumerator.Current).Length;
            if (end > budget)
            {
                break;
            }

            cut = end;
        }

        return string.Concat(text.AsSpan(0, cut), Ellipsis);
    }

    /// <summary>
    /// Cuts to <paramref name="maxLength"/> without adding an ellipsis (for identifiers such as select values),
    /// never splitting a surrogate pair.
    /// </summary>
    public static string Clip(string? text, int maxLength)
    {
        if (string.IsNullOrEmpty(text) || text.Length <= maxLength)
        {
            return text ?? "";
        }

        var cut = maxLength;
        if (char.IsLowSurrogate(text[cut]) && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut];
    }
}
