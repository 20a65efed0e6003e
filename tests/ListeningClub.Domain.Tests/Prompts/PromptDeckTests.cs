using CsCheck;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Prompts;

namespace ListeningClub.Domain.Tests.Prompts;

public sealed class PromptDeckTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly TrackId Track = TrackId.New();

    [Theory]
    [InlineData(MediaKind.Film)]
    [InlineData(MediaKind.Album)]
    public void DefaultDecks_HaveAtLeastTwentyFiveDistinctValidPrompts(MediaKind kind)
    {
        var texts = DefaultPrompts.For(kind);
        Assert.True(texts.Count >= 25);
        Assert.Equal(texts.Count, texts.Select(IdentityKeys.Normalise).Distinct().Count());
        Assert.All(texts, text => Assert.InRange(text.Length, Prompt.MinLength, Prompt.MaxLength));
    }

    [Fact]
    public void Draw_NeverRepeatsUntilTheDeckIsUsedUp() =>
        Gen.Int[1, 40].Select(Gen.Int, (size, seed) => (size, seed)).Sample(t =>
        {
            var deck = Deck(t.size);
            var random = new Random(t.seed);
            var state = PromptDrawState.New(Track);
            var seen = new List<PromptId>();
            for (var i = 0; i < t.size * 3; i++)
            {
                var (prompt, next) = PromptDeck.Draw(deck, state, random).Value;
                seen.Add(prompt.Id);
                state = next;
            }

            // Every pass through the deck shows each prompt exactly once, and a pass never starts with the prompt just shown.
            var passes = seen.Chunk(t.size).ToList();
            return passes.All(pass => pass.Distinct().Count() == t.size)
                && (t.size == 1 || passes.Zip(passes.Skip(1)).All(p => p.First[^1] != p.Second[0]));
        });

    [Fact]
    public void Draw_SkipsRemovedPrompts()
    {
        var deck = Deck(3).Select((p, i) => i == 0 ? p with { Removed = true } : p).ToList();
        var state = PromptDrawState.New(Track);
        for (var i = 0; i < 10; i++)
        {
            var (prompt, next) = PromptDeck.Draw(deck, state, new Random(i)).Value;
            Assert.False(prompt.Removed);
            state = next;
        }
    }

    [Fact]
    public void Draw_EmptyDeck_SaysHowToAddPrompts() =>
        Assert.Contains("/club prompts add", PromptDeck.Draw([], PromptDrawState.New(Track), new Random(1)).Problem!.Message, StringComparison.Ordinal);

    [Fact]
    public void Add_DuplicateOrTooShort_IsRejected()
    {
        var deck = PromptDeck.Seed(Track, MediaKind.Film, Now);
        var copy = deck[0].Text.ToUpperInvariant();
        Assert.Equal("prompts.duplicate", PromptDeck.Add(deck, Track, copy, PromptSource.Member, 7, Now).Problem!.Code);
        Assert.Equal("prompts.too_short", PromptDeck.Add(deck, Track, "Why?", PromptSource.Member, 7, Now).Problem!.Code);
        var added = PromptDeck.Add(deck, Track, "What would you change about the third act?", PromptSource.Member, 7, Now).Value;
        Assert.Equal(PromptSource.Member, added.Source);
        Assert.Equal(7ul, added.AddedBy);
    }

    private static List<Prompt> Deck(int size) =>
        Enumerable.Range(0, size)
            .Select(i => new Prompt { Id = PromptId.New(), TrackId = Track, Text = $"Question number {i}?", Source = PromptSource.Default, AddedAt = Now.AddSeconds(i) })
            .ToList();
}
