using System.Globalization;
using System.Text;
using CsCheck;
using ListeningClub.Domain.Common;

namespace ListeningClub.Domain.Tests.Common;

public sealed class TextInputTests
{
    /// <summary>Characters that draw nothing: the ones the issue names, and their relatives.</summary>
    private static readonly string[] Invisible =
    [
        "\u200D", // zero-width joiner
        "\u200B", // zero-width space
        "\u200C", // zero-width non-joiner
        "\u2060", // word joiner
        "\uFEFF", // byte order mark
        "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u061C", // bidi controls
        "\u00AD", // soft hyphen
        "\u0000", "\u0007", "\u001B", "\u007F", "\u0085", // controls
        "\u3164", "\uFFA0", "\u115F", // Hangul fillers
        "\U000E0041", // a tag character on its own
        " ", "\t", "\n", "\u00A0", "\u2003", "\u3000",
    ];

    [Theory]
    [InlineData("  The   Thing \t\n", "The Thing")]
    [InlineData("Zero\u200Bwidth\u200C\u2060", "Zerowidth")]
    [InlineData("bell\u0007 and\u0000 nul", "bell and nul")]
    [InlineData("\u202Eevil override", "evil override")]
    [InlineData("soft\u00ADhyphen", "softhyphen")]
    [InlineData("\uFEFFAlien\u200D", "Alien")]
    [InlineData("ｆｕｌｌ　ｗｉｄｔｈ", "full width")]
    [InlineData("ﬁlm noir", "film noir")]
    [InlineData("Cafe\u0301", "Café")]
    [InlineData("e\u200D\u0301", "é")]
    [InlineData("Ran\uFFFE\uFDD0\U0001FFFF", "Ran")] // noncharacters, which normalisation refuses (found by the property test at 200,000 samples)
    [InlineData("\U0001F3F4\uFE0F \u200D\U0001F468", "\U0001F3F4\uFE0F \U0001F468")] // a joiner after a space joins nothing (found by the property test, seed 2afzCUx5hbr3)
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Clean_NormalisesDropsInvisibleCharactersAndCollapsesWhitespace(string? input, string expected) =>
        Assert.Equal(expected, TextInput.Clean(input));

    [Fact]
    public void Clean_KeepsEmojiSequencesAndRightToLeftText()
    {
        const string family = "👨‍👩‍👧 ok";
        const string rainbowFlag = "🏳️‍🌈 night";
        const string scotland = "🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F films";
        const string hebrew = "שלום עולם";
        Assert.Equal(family, TextInput.Clean(family));
        Assert.Equal(rainbowFlag, TextInput.Clean(rainbowFlag));
        Assert.Equal(scotland, TextInput.Clean(scotland));
        Assert.Equal(hebrew, TextInput.Clean(hebrew));
    }

    [Fact]
    public void Clean_DropsAJoinerThatIsNotBetweenTwoEmoji()
    {
        Assert.Equal("ab", TextInput.Clean("a\u200Db"));
        Assert.Equal("🎬a", TextInput.Clean("🎬\u200Da"));
        Assert.Equal("🎬", TextInput.Clean("\u200D🎬\u200D"));
    }

    [Theory]
    [MemberData(nameof(InvisibleOnly))]
    public void Required_InvisibleOnly_IsRefused(string input)
    {
        var result = TextInput.Required(input, "track name", 50);
        Assert.False(result.IsSuccess);
        Assert.Contains("The track name is empty", result.Problem!.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> InvisibleOnly() =>
        [.. Invisible, string.Concat(Invisible), "\u200D\u200D\u200D"];

    [Theory]
    [InlineData("🎬")]
    [InlineData("!!!")]
    [InlineData("👨‍👩‍👧")]
    [InlineData("\u0301")]
    public void Required_WithoutALetterOrDigit_SaysSo(string input)
    {
        var result = TextInput.Required(input, "title", 200);
        Assert.False(result.IsSuccess);
        Assert.Equal("The title needs at least one letter or digit. Type a title with words or numbers.", result.Problem!.Message);
    }

    [Fact]
    public void Optional_LeftOutOrBlankIsNull_ButInvisibleOnlyIsRefused()
    {
        Assert.Null(TextInput.Optional(null, "pitch", 100).Value);
        Assert.Null(TextInput.Optional("", "pitch", 100).Value);
        Assert.Null(TextInput.Optional(" \t\n", "pitch", 100).Value);
        var invisible = TextInput.Optional("\u200B\u2060", "pitch", 100);
        Assert.False(invisible.IsSuccess);
        Assert.Contains("only invisible characters", invisible.Problem!.Message, StringComparison.Ordinal);
        Assert.Equal("Watch it", TextInput.Optional("  Watch\u200B it ", "pitch", 100).Value);
    }

    [Fact]
    public void Required_WhitespaceOnly_SaysItIsEmpty()
    {
        var result = TextInput.Required(" \u200B\t ", "title", 200);
        Assert.False(result.IsSuccess);
        Assert.Contains("title is empty", result.Problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Required_TooLong_SaysHowMuchToCut()
    {
        var result = TextInput.Required(new string('x', 205), "title", 200);
        Assert.False(result.IsSuccess);
        Assert.Equal("The title is 205 characters long; the limit is 200. Shorten it by 5.", result.Problem!.Message);
    }

    [Fact]
    public void Required_CountsEmojiAsOneCharacter()
    {
        var twoHundredEmoji = "A" + string.Concat(Enumerable.Repeat("🎬", 199));
        Assert.True(TextInput.Required(twoHundredEmoji, "title", 200).IsSuccess);
    }

    [Fact]
    public void WithoutControls_RemovesOnlyControlCharacters() =>
        Assert.Equal("a b\u200Dc", TextInput.WithoutControls("a\u0000 b\u200Dc\u0007\n"));

    /// <summary>Any text: mostly from the characters that cause trouble, sometimes from anywhere in the BMP or beyond.</summary>
    private static readonly Gen<string> AnyText = Gen.OneOf(
        Gen.Int[0, 12].SelectMany(n => Gen.OneOf<string>([.. Invisible, "a", "Z", "7", "é", "e\u0301", "ﬁ", "🎬", "👨", "\uFE0F", "🏴", "\U000E0067", "\uD800", "¨", "⑴", "ｆ", "!"]).Array[n]).Select(string.Concat),
        Gen.String[Gen.Char[(char)0, (char)0xFFFF], 0, 40],
        Gen.String);

    private static readonly Gen<string> NoLetterOrDigit = Gen.Int[0, 10]
        .SelectMany(n => Gen.OneOf<string>([.. Invisible, "!", "🎬", "👨", "\u200D", "\u0301", "—", "…", "¨", "\uFE0F", "∴"]).Array[n])
        .Select(string.Concat);

    [Fact]
    public void Clean_Invariants_NoControlOrFormatCharacters_Nfkc_NoEdgeOrDoubleWhitespace_Idempotent() =>
        AnyText.Sample(text =>
        {
            var cleaned = TextInput.Clean(text);
            var formats = cleaned.EnumerateRunes().Select(Rune.GetUnicodeCategory).ToList();
            var onlyEmojiGlue = cleaned.EnumerateRunes().All(r => Rune.GetUnicodeCategory(r) != UnicodeCategory.Format || r.Value == 0x200D || r.Value is >= 0xE0020 and <= 0xE007F);
            return !formats.Contains(UnicodeCategory.Control)
                && onlyEmojiGlue
                && cleaned.IsNormalized(NormalizationForm.FormKC)
                && cleaned == cleaned.Trim()
                && !cleaned.Contains("  ", StringComparison.Ordinal)
                && !cleaned.EnumerateRunes().Any(r => Rune.IsWhiteSpace(r) && r.Value != ' ')
                && TextInput.Clean(cleaned) == cleaned;
        });

    [Fact]
    public void Clean_KeepsAJoinerOnlyBetweenEmoji() =>
        AnyText.Sample(text =>
        {
            var runes = TextInput.Clean(text).EnumerateRunes().ToList();
            return Enumerable.Range(0, runes.Count).Where(i => runes[i].Value == 0x200D).All(i =>
                i > 0 && i < runes.Count - 1
                && Rune.GetUnicodeCategory(runes[i + 1]) == UnicodeCategory.OtherSymbol
                && (Rune.GetUnicodeCategory(runes[i - 1]) == UnicodeCategory.OtherSymbol || runes[i - 1].Value is 0xFE0F or (>= 0x1F3FB and <= 0x1F3FF)));
        });

    [Fact]
    public void Required_AnyInputWithoutALetterOrDigit_IsRefusedWithAnAnswer() =>
        NoLetterOrDigit.Sample(text =>
        {
            var required = TextInput.Required(text, "title", 200);
            var optional = TextInput.Optional(text, "pitch", 200);
            return !required.IsSuccess && required.Problem!.Message.Length > 0
                && (string.IsNullOrWhiteSpace(text) ? optional.IsSuccess && optional.Value is null : !optional.IsSuccess && optional.Problem!.Message.Length > 0);
        });

    [Fact]
    public void Required_AcceptedText_IsCleanAndHasALetterOrDigit() =>
        AnyText.Sample(text =>
        {
            var required = TextInput.Required(text, "title", 500);
            return !required.IsSuccess || (required.Value == TextInput.Clean(text) && required.Value.EnumerateRunes().Any(Rune.IsLetterOrDigit));
        });
}
