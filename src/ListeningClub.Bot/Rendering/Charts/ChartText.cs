using System.Globalization;
using System.Text;

namespace ListeningClub.Bot.Rendering.Charts;

/// <summary>Member and catalogue text drawn on a chart: control characters dropped, whitespace folded, cut to a length that fits.</summary>
public static class ChartText
{
    /// <summary>The longest candidate name drawn on an axis or a line.</summary>
    public const int NameLength = 28;

    /// <summary>The longest chart title.</summary>
    public const int TitleLength = 72;

    public static string Clean(string? text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var clean = new StringBuilder();
        var space = false;
        foreach (var rune in (text ?? "").EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsWhiteSpace(rune) || category is UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                space = clean.Length > 0;
                continue;
            }

            if (category is UnicodeCategory.Format or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned)
            {
                continue; // invisible or undrawable: bidi overrides, zero-width joiners, unassigned code points
            }

            if (space)
            {
                clean.Append(' ');
                space = false;
            }

            clean.Append(rune.ToString());
        }

        return Cut(clean.ToString(), maxLength);
    }

    private static string Cut(string text, int maxLength)
    {
        var info = new StringInfo(text);
        return info.LengthInTextElements <= maxLength ? text : info.SubstringByTextElements(0, maxLength - 1).TrimEnd() + "…";
    }
}
