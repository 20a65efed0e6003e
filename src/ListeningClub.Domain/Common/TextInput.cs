using System.Globalization;
using System.Text;

namespace ListeningClub.Domain.Common;

/// <summary>
/// Cleans and bounds free text typed by members (track names, titles, artists, directors, pitches, reviews,
/// prompts, veto reasons) before any rule looks at it or anything stores it.
/// </summary>
/// <remarks>
/// Cleaning normalises to NFKC (full-width letters, ligatures and look-alike spaces become their plain forms),
/// drops control and format characters (Unicode categories Cc and Cf: NUL, zero-width spaces and joiners, word
/// joiner, BOM, soft hyphen, bidi controls) and the blank "filler" letters (Hangul fillers), turns every run of white
/// space into one space and trims. Two format characters survive where emoji need them: a zero-width joiner between
/// two emoji (so 👨‍👩‍👧 stays one family instead of three people) and the tag characters of a subdivision flag (🏴 + tags).
/// The zero-width non-joiner that Persian and some Indic spellings use is dropped with the rest: the text stays
/// readable, and an invisible character can never be the only difference between two names.
/// Stored text must also contain at least one letter or digit, so a name can never be invisible.
/// </remarks>
public static class TextInput
{
    private const int ZeroWidthJoiner = 0x200D;
    private const int BlackFlag = 0x1F3F4;

    /// <summary>
    /// NFKC-normalises, removes control, format and blank filler characters (keeping emoji joiners, see the
    /// remarks), collapses every run of white space to one space and trims. Returns an empty string for null.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        // Filter first (this also replaces unpaired surrogates, which normalisation rejects), then normalise and
        // filter again: a compatibility mapping can produce spaces ("¨" → " ̈"), and removing a character can let
        // two others compose. Two rounds reach the fixed point for real text; the loop guards the rest.
        var cleaned = Filter(text);
        for (var round = 0; round < 4 && !cleaned.IsNormalized(NormalizationForm.FormKC); round++)
        {
            cleaned = Filter(cleaned.Normalize(NormalizationForm.FormKC));
        }

        return cleaned;
    }

    /// <summary>Whether <paramref name="text"/> has at least one letter or decimal digit (in any script).</summary>
    public static bool HasLetterOrDigit(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) && !IsFiller(rune))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Control characters (Unicode category Cc) removed: what every echo of member text into a reply or a log line
    /// goes through when it is not cleaned anyway. Unlike <see cref="Clean"/> it keeps everything else as it was.
    /// </summary>
    public static string WithoutControls(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Cleans <paramref name="text"/> and checks it is present, has a letter or digit, and is no longer than
    /// <paramref name="maxLength"/> characters (counted as text elements, so an emoji counts once).
    /// </summary>
    public static Result<string> Required(string? text, string fieldName, int maxLength)
    {
        var cleaned = Clean(text);
        if (cleaned.Length == 0)
        {
            return string.IsNullOrEmpty(text)
                ? new Problem("text.empty", $"The {fieldName} is empty. Type a {fieldName}.")
                : new Problem("text.empty", $"The {fieldName} is empty: it has only spaces or invisible characters. Type a {fieldName} with letters or digits.");
        }

        return CheckContent(cleaned, fieldName, maxLength);
    }

    /// <summary>
    /// Like <see cref="Required"/>, but leaving it out (or only white space) is fine and gives null. Text that was
    /// given but has no letter or digit (invisible characters, symbols) is refused rather than silently dropped.
    /// </summary>
    public static Result<string?> Optional(string? text, string fieldName, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Result<string?>.Success(null);
        }

        var cleaned = Clean(text);
        if (cleaned.Length == 0)
        {
            return new Problem("text.empty", $"The {fieldName} has only invisible characters. Write it with letters or digits, or leave it out.");
        }

        var checkedText = CheckContent(cleaned, fieldName, maxLength);
        return checkedText.IsSuccess ? Result<string?>.Success(checkedText.Value) : Result<string?>.Failure(checkedText.Problem!);
    }

    /// <summary>Length in user-perceived characters (text elements).</summary>
    public static int VisibleLength(string text) => new StringInfo(text).LengthInTextElements;

    private static Result<string> CheckContent(string cleaned, string fieldName, int maxLength)
    {
        if (!HasLetterOrDigit(cleaned))
        {
            return new Problem("text.no_letters", $"The {fieldName} needs at least one letter or digit. Type a {fieldName} with words or numbers.");
        }

        var length = VisibleLength(cleaned);
        return length > maxLength
            ? new Problem("text.too_long", $"The {fieldName} is {length} characters long; the limit is {maxLength}. Shorten it by {length - maxLength}.")
            : cleaned;
    }

    private static string Filter(string text)
    {
        var runes = new List<Rune>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            runes.Add(rune);
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        Rune? previous = null;
        for (var i = 0; i < runes.Count; i++)
        {
            var rune = runes[i];
            if (Rune.IsWhiteSpace(rune))
            {
                pendingSpace = builder.Length > 0;
                previous = null; // what follows follows a space: a joiner or tag there glues nothing
                continue;
            }

            if (IsInvisible(rune) && !IsEmojiGlue(rune, previous, i + 1 < runes.Count ? runes[i + 1] : null))
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(rune.ToString());
            previous = rune;
        }

        return builder.ToString();
    }

    /// <summary>
    /// Control and format characters, the Hangul fillers (letters that draw nothing), and noncharacters (U+FDD0–FDEF and
    /// U+xFFFE/xFFFF of every plane: never text, and normalisation refuses them).
    /// </summary>
    private static bool IsInvisible(Rune rune) =>
        IsFiller(rune) || IsNoncharacter(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format;

    private static bool IsNoncharacter(Rune rune) => rune.Value is >= 0xFDD0 and <= 0xFDEF || (rune.Value & 0xFFFE) == 0xFFFE;

    private static bool IsFiller(Rune rune) => rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0;

    /// <summary>
    /// A zero-width joiner between two emoji (an emoji, its skin tone or variation selector before it, an emoji after
    /// it), or a tag character continuing a subdivision flag (🏴 then tags up to the cancel tag).
    /// </summary>
    private static bool IsEmojiGlue(Rune rune, Rune? previous, Rune? next)
    {
        if (previous is not { } before)
        {
            return false;
        }

        if (rune.Value == ZeroWidthJoiner)
        {
            return next is { } after && IsEmojiPart(before) && Rune.GetUnicodeCategory(after) == UnicodeCategory.OtherSymbol;
        }

        return rune.Value is >= 0xE0020 and <= 0xE007F
            && (before.Value == BlackFlag || (before.Value is >= 0xE0020 and < 0xE007F));
    }

    private static bool IsEmojiPart(Rune rune) =>
        Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherSymbol
        || rune.Value is 0xFE0F or (>= 0x1F3FB and <= 0x1F3FF);
}
