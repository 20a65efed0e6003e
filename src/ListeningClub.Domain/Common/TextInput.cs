using System.Globalization;
using System.Text;

namespace ListeningClub.Domain.Common;

/// <summary>Cleans and bounds free text typed by members before any rule looks at it.</summary>
public static class TextInput
{
    /// <summary>
    /// Removes control and zero-width characters, collapses every run of white space to one space and trims.
    /// Returns an empty string for null.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (IsInvisible(rune))
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(rune.ToString());
        }

        return builder.ToString();
    }

    /// <summary>
    /// Cleans <paramref name="text"/> and checks it is present and no longer than <paramref name="maxLength"/> characters
    /// (counted as text elements, so an emoji counts once).
    /// </summary>
    public static Result<string> Required(string? text, string fieldName, int maxLength)
    {
        var cleaned = Clean(text);
        if (cleaned.Length == 0)
        {
            return new Problem("text.empty", $"The {fieldName} is empty. Type a {fieldName}.");
        }

        return CheckLength(cleaned, fieldName, maxLength);
    }

    /// <summary>Like <see cref="Required"/>, but empty input is fine and gives null.</summary>
    public static Result<string?> Optional(string? text, string fieldName, int maxLength)
    {
        var cleaned = Clean(text);
        if (cleaned.Length == 0)
        {
            return Result<string?>.Success(null);
        }

        var checkedText = CheckLength(cleaned, fieldName, maxLength);
        return checkedText.IsSuccess ? Result<string?>.Success(checkedText.Value) : Result<string?>.Failure(checkedText.Problem!);
    }

    /// <summary>Length in user-perceived characters (text elements).</summary>
    public static int VisibleLength(string text) => new StringInfo(text).LengthInTextElements;

    private static Result<string> CheckLength(string cleaned, string fieldName, int maxLength)
    {
        var length = VisibleLength(cleaned);
        return length > maxLength
            ? new Problem("text.too_long", $"The {fieldName} is {length} characters long; the limit is {maxLength}. Shorten it by {length - maxLength}.")
            : cleaned;
    }

    /// <summary>
    /// Control characters and invisible format characters (zero-width spaces, bidi overrides, soft hyphens),
    /// except the zero-width joiner and tag characters that emoji sequences and subdivision flags are made of.
    /// </summary>
    private static bool IsInvisible(Rune rune) =>
        rune.Value is not 0x200D and not (>= 0xE0020 and <= 0xE007F)
        && Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format;
}
