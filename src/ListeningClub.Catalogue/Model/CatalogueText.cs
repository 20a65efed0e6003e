using System.Text;

namespace ListeningClub.Catalogue.Model;

/// <summary>
/// Cleans text that came from a catalogue: control characters and bidirectional overrides are dropped, runs of
/// whitespace become one space (a synopsis keeps its line breaks), the ends are trimmed and the length is bounded.
/// It does not escape markdown: that is the caller's job, as for user text.
/// </summary>
public static class CatalogueText
{
    public const int MaxTitleLength = 300;
    public const int MaxSynopsisLength = 1_000;

    /// <summary>A one-line value (title, name); null or blank becomes null.</summary>
    public static string? Line(string? text, int maxLength = MaxTitleLength) => Clean(text, keepLineBreaks: false, maxLength);

    /// <summary>A paragraph (synopsis); keeps single line breaks.</summary>
    public static string? Paragraph(string? text, int maxLength = MaxSynopsisLength) => Clean(text, keepLineBreaks: true, maxLength);

    private static string? Clean(string? text, bool keepLineBreaks, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var builder = new StringBuilder(Math.Min(text.Length, maxLength + 1));
        var pendingSpace = false;
        var pendingBreak = false;
        foreach (var c in text)
        {
            if (keepLineBreaks && c == '\n')
            {
                pendingBreak = builder.Length > 0;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (char.IsControl(c) || IsInvisibleFormatting(c))
            {
                continue;
            }

            if (pendingBreak)
            {
                builder.Append('\n');
            }
            else if (pendingSpace)
            {
                builder.Append(' ');
            }

            pendingSpace = pendingBreak = false;
            builder.Append(c);
            if (builder.Length > maxLength)
            {
                break;
            }
        }

        if (builder.Length == 0)
        {
            return null;
        }

        return builder.Length <= maxLength ? builder.ToString() : Cut(builder.ToString(), maxLength);
    }

    /// <summary>Bidirectional embeddings, overrides and isolates, and the zero-width no-break space (BOM).</summary>
    private static bool IsInvisibleFormatting(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\uFEFF' or '\u200E' or '\u200F';

    private static string Cut(string text, int maxLength)
    {
        var cut = maxLength - 1;
        if (char.IsLowSurrogate(text[cut]))
        {
            cut--;
        }

        return text[..cut].TrimEnd() + "…";
    }
}
