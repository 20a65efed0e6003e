using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ListeningClub.Application.Nominations;
using ListeningClub.Application.Prompts;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Prompts;
using ListeningClub.Domain.Ratings;
using static ListeningClub.Discord.Emulator.Control.Slash;

namespace ListeningClub.Bot.Tests.EndToEnd;

/// <summary>An album track run by its members through Discord: ranked ballots, a tie anyone can check, ratings, history, prompts.</summary>
public sealed partial class AlbumClubTests
{
    /// <summary>A whole cycle through Discord (setup, nominations, ballots, close, announcement, ratings), on each store.</summary>
    [Theory]
    [InlineData(TestClubStore.LiteDb)]
    [InlineData(TestClubStore.Postgres)]
    public async Task AlbumCycle_RankedBallotsTie_TheAnnouncementNamesTheSeedWhoseHashWasPostedWhenVotingOpened(TestClubStore store)
    {
        await using var bot = await RunningBot.StartAsync(new RunningBotSettings { Store = store });
        var channel = bot.Guild.Channels["album-club"];
        var setup = await bot.CommandAsync("boss", "club", Sub("setup", ("name", "Album Club"), ("kind", "album"), ("channel", channel), ("timezone", "America/New_York"), ("method", "schulze"), ("ballot-size", 2)), "album-club");
        Assert.Contains("Created **Album Club**", Content(setup), StringComparison.Ordinal);

        foreach (var (member, title, artist) in new[] { ("ana", "Blue", "Joni Mitchell"), ("ben", "Kid A", "Radiohead"), ("cho", "Vespertine", "Björk") })
        {
            var card = await bot.CommandAsync(member, "nominate", Sub("album", ("title", title), ("artist", artist), ("pitch", "**bold** claim <@&1> @here")), "album-club");
            Assert.Equal("New nomination!", card.Original!["content"]!.GetValue<string>());
            Assert.False(IsPrivate(card));
        }

        await bot.CommandAsync("boss", "club", Sub("open-voting"), "album-club");
        var opened = Assert.Single(await bot.Control.MessagesAsync(channel), m => Text(m.Message).Contains("Tie-break commitment", StringComparison.Ordinal));
        var commitment = Hex().Match(Text(opened.Message)).Value;
        Assert.NotEmpty(commitment);

        // Ana ranks Blue over Kid A, Ben the reverse: Blue and Kid A tie head to head, and the seed decides.
        var track = (await bot.Get<IClubRepository>().GetAsync(bot.GuildId, default))!.Tracks[0];
        var list = (await bot.Get<NominationService>().ListCurrentAsync(track, default)).Nominations;
        string Id(string title) => list.Single(n => n.Media.Title == title).Id.ToString();
        foreach (var (member, first, second) in new[] { ("ana", "Blue", "Kid A"), ("ben", "Kid A", "Blue") })
        {
            var form = await bot.CommandAsync(member, "vote", channel: "album-club");
            var message = form.Original!["id"]!.GetValue<string>();
            await bot.ComponentAsync(member, $"ballot:choice:{track.Id}:0", message, [Id(first)], "album-club");
            await bot.ComponentAsync(member, $"ballot:choice:{track.Id}:1", message, [Id(second)], "album-club");
            var cast = await bot.ComponentAsync(member, $"ballot:submit:{track.Id}", message, channel: "album-club");
            var text = Content(cast);
            Assert.InRange(text.IndexOf(first, StringComparison.Ordinal), 0, text.IndexOf(second, StringComparison.Ordinal) - 1);
        }

        var mine = await bot.CommandAsync("ana", "ballot", channel: "album-club");
        Assert.Contains("Blue", Content(mine), StringComparison.Ordinal);
        Assert.True(IsPrivate(mine));

        await bot.CommandAsync("boss", "club", Sub("close-voting"), "album-club");
        var announcement = Assert.Single(await bot.Control.MessagesAsync(channel), m => m.Content.StartsWith("The votes are in!", StringComparison.Ordinal)).Message;
        var result = Text(announcement);
        Assert.Contains("Tie-break", result, StringComparison.Ordinal);
        var seed = Regex.Match(result, "Seed `([0-9a-f]{64})`").Groups[1].Value;
        Assert.Equal(commitment, Convert.ToHexStringLower(SHA256.HashData(Convert.FromHexString(seed))));
        Assert.Contains("2 ballots", result, StringComparison.Ordinal);

        var outOfRange = await bot.CommandAsync("cho", "rate", Plain(("score", 11)), "album-club");
        Assert.Contains("score must be between 1 and 10; 11 is outside that", Content(outOfRange), StringComparison.Ordinal);

        // Members rate, one with a longer review written in the review box; ratings stay sealed.
        var box = await bot.CommandAsync("ana", "rate", Plain(("score", 9), ("review-box", true)), "album-club");
        Assert.Equal(9, box.ResponseType);
        var modalId = box.Callbacks[0]["data"]!["custom_id"]!.GetValue<string>();
        var reviewed = await bot.ModalAsync("ana", modalId, new Dictionary<string, string> { ["review"] = "A record that *rewards* patience. @everyone" }, "album-club");
        Assert.Contains("Your rating (9/10) with your review is sealed", Content(reviewed), StringComparison.Ordinal);
        await bot.CommandAsync("ben", "rate", Plain(("score", 6)), "album-club");
        var cycle = (await bot.Get<ICycleRepository>().ListByTrackAsync(track.Id, default)).Single();
        var ratings = await bot.Get<IRatingRepository>().ListByCycleAsync(cycle.Id, default);
        Assert.Equal("A record that *rewards* patience. @everyone", ratings.Single(r => r.Score == 9).Review);
        Assert.Equal(2, ratings.Count);

        var history = await bot.CommandAsync("cho", "history", channel: "album-club");
        Assert.Matches("(Blue|Kid A)", Content(history));
        var stats = await bot.CommandAsync("cho", "stats", channel: "album-club");
        Assert.Contains("Album Club", Content(stats), StringComparison.Ordinal);

        Assert.All(await bot.Control.MessagesAsync(), m => Assert.False(m.Notifications.NotifiesAnyone, m.Content));
        Assert.Equal(0, (await bot.Control.StatsAsync()).DeadlineMisses);
    }

    [Fact]
    public async Task MembersSuggestPrompts_ManagersListAndRemoveThem()
    {
        await using var bot = await RunningBot.StartAsync();
        await bot.CommandAsync("boss", "club", Sub("setup", ("name", "Album Club"), ("kind", "album"), ("channel", bot.Guild.Channels["album-club"]), ("timezone", "Europe/Lisbon")), "album-club");
        var track = (await bot.Get<IClubRepository>().GetAsync(bot.GuildId, default))!.Tracks[0];
        var deck = (await bot.Get<PromptService>().ListAsync(track, default)).Count;

        var suggested = await bot.CommandAsync("ana", "prompt", Sub("suggest", ("text", "Which song would you play to a friend first?")), "album-club");
        Assert.Contains("Your prompt is in the **Album Club** deck", Content(suggested), StringComparison.Ordinal);
        var duplicate = await bot.CommandAsync("ben", "prompt", Sub("suggest", ("text", "which song would you play to a friend first")), "album-club");
        Assert.Contains("already in the deck", Content(duplicate), StringComparison.Ordinal);

        var listed = await bot.CommandAsync("boss", "club", Group("prompts", "list"), "album-club");
        Assert.Contains("Which song would you play to a friend first?", Content(listed), StringComparison.Ordinal);
        Assert.Contains($"{deck + 1} prompts", Content(listed), StringComparison.Ordinal);

        var prompt = (await bot.Get<PromptService>().ListAsync(track, default)).Single(p => p.Source == PromptSource.Member);
        Assert.Equal(bot.Guild.Users["ana"], prompt.AddedBy?.ToString(CultureInfo.InvariantCulture));
        var removed = await bot.CommandAsync("boss", "club", Group("prompts", "remove", ("prompt", prompt.Id.ToString())), "album-club");
        Assert.Contains("Removed from the deck", Content(removed), StringComparison.Ordinal);
        Assert.DoesNotContain(await bot.Get<PromptService>().ListAsync(track, default), p => p.Id == prompt.Id);
    }

    [GeneratedRegex("(?<=`)[0-9a-f]{64}(?=`)")]
    private static partial Regex Hex();
}
