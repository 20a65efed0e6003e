using CsCheck;
using ListeningClub.Domain.Common;

namespace ListeningClub.Domain.Tests.Common;

public sealed class TextInputTests
{
    [Theory]
    [InlineData("  The   Thing \t\n", "The Thing")]
    [InlineData("Zero\u200Bwidth\u200C\u2060", "Zerowidth")]
    [InlineData("bell\u0007 and\u0000 nul", "bell and nul")]
    [InlineData("\u202Eevil override", "evil override")]
    [InlineData("soft\u00ADhyphen", "softhyphen")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Clean_RemovesInvisibleCharactersAndCollapsesWhitespace(string? input, string expected) =>
        Assert.Equal(expected, TextInput.Clean(input));

    [Fact]
    public void Clean_KeepsEmojiSequencesAndRightToLeftText()
    {
        const string family = "👨‍👩‍👧 ok";
        const string hebrew = "שלום עולם";
        Assert.Equal(family, TextInput.Clean(family));
        Assert.Equal(hebrew, TextInput.Clean(hebrew));
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
        var twoHundredEmoji = string.Concat(Enumerable.Repeat("🎬", 200));
        Assert.True(TextInput.Required(twoHundredEmoji, "title", 200).IsSuccess);
    }

    [Fact]
    public void Clean_IsIdempotentAndNeverLeavesDoubleSpacesOrControls() =>
        Gen.String[Gen.Char[(char)0, (char)0x3000], 0, 60].Sample(text =>
        {
            var once = TextInput.Clean(text);
            return once == TextInput.Clean(once)
                && !once.Contains("  ", StringComparison.Ordinal)
                && once == once.Trim()
                && !once.Any(char.IsControl);
        });
}
