using CsCheck;
using ListeningClub.Discord.Safety;

namespace ListeningClub.Discord.Tests.Safety;

public sealed class DiscordTextTests
{
    [Theory]
    [InlineData("**bold**", "\\*\\*bold\\*\\*")]
    [InlineData("[free nitro](https://evil.example)", "\\[free nitro\\](https://evil.example)")]
    [InlineData("# Heading", "\\# Heading")]
    [InlineData("line\n> quote", "line\n\\> quote")]
    [InlineData("1. first", "1\\. first")]
    [InlineData("```code```", "\\`\\`\\`code\\`\\`\\`")]
    [InlineData("Solaris (1972)", "Solaris (1972)")]
    public void Escape_ShowsMarkdownLiterally(string input, string expected) =>
        Assert.Equal(expected, DiscordText.Escape(input));

    [Theory]
    [InlineData("@everyone")]
    [InlineData("@here")]
    [InlineData("<@123>")]
    [InlineData("<@&456>")]
    [InlineData("<#789>")]
    public void Escape_BreaksMentionsWithAZeroWidthSpace(string input)
    {
        var escaped = DiscordText.Escape(input);

        Assert.Contains(DiscordText.ZeroWidthSpace, escaped);
        Assert.Equal(input, escaped.Replace("\u200B", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Truncate_KeepsShortTextAndMarksCutText()
    {
        Assert.Equal("Stalker", DiscordText.Truncate("Stalker", 10));
        Assert.Equal("abcd…", DiscordText.Truncate("abcdefgh", 5));
    }

    [Fact]
    public void Truncate_NeverSplitsAnEmojiSequence()
    {
        var family = "👨‍👩‍👧";
        var cut = DiscordText.Truncate("ab" + family + "cd", 6);

        Assert.Equal("ab…", cut);
    }

    [Fact]
    public void Truncate_IsWithinTheLimitAndAPrefixOfTheInput()
    {
        var text = Gen.OneOf("a", "😀", "e\u0301", "👨‍👩‍👧", " ", "\n").Array[0, 200].Select(string.Concat);
        Gen.Select(text, Gen.Int[1, 300]).Sample((s, max) =>
        {
            var cut = DiscordText.Truncate(s, max);
            Assert.True(cut.Length <= max);
            if (s.Length <= max)
            {
                Assert.Equal(s, cut);
            }
            else
            {
                Assert.EndsWith("…", cut, StringComparison.Ordinal);
                Assert.StartsWith(cut[..^1], s, StringComparison.Ordinal);
                Assert.False(cut.Length >= 2 && char.IsHighSurrogate(cut[^2]));
            }
        });
    }
}
