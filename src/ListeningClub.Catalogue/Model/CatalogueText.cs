using System.Text;

namespace ListeningClub.Catalogue.Model;

/// <summary>
/// Cleans text that came from a catalogue: control characters, bidirectional overrides, noncharacters and unpaired
/// surrogates (which Unicode normalisation refuses) are dropped, runs of
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
        foreach (var rune in text.EnumerateRunes())
        {
            if (keepLineBreaks && rune.Value == '\n')
            {
                pendingBreak = builder.Length > 0;
                continue;
            }

            if (Rune.IsWhiteSpace(rune))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (Rune.IsControl(rune) || IsInvisibleFormatting(rune.Value) || IsNotText(rune.Value))
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
            builder.Append(rune.ToString());
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
    private static bool IsInvisibleFormatting(int c) => c is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069) or 0xFEFF or 0x200E or 0x200F;

    /// <summary>Noncharacters (U+FDD0–FDEF, U+xFFFE/xFFFF) and U+FFFD, which stands for an unpaired surrogate once read as runes.</summary>
    private static bool IsNotText(int c) => c is (>= 0xFDD0 and <= 0xFDEF) or 0xFFFD || (c & 0xFFFE) == 0xFFFE;

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
