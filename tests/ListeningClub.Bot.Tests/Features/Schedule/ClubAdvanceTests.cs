using System.Globalization;
using ListeningClub.Application.Nominations;
using ListeningClub.Application.Voting;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Domain.Clubs;
using static ListeningClub.Discord.Emulator.Control.Slash;

namespace ListeningClub.Bot.Tests.Features.Schedule;

/// <summary>/club advance through the gateway, called again and again: one new step per call, in the rhythm's order.</summary>
public sealed class ClubAdvanceTests
{
    /// <summary>
    /// On the real clock, so the track runs every eight weeks: nothing comes due by itself while the test runs, and
    /// every post comes from a manager's /club advance.
    /// </summary>
    [Fact]
    public async Task Advance_CalledAgainAndAgain_PerformsEachStepOfTheCycleOnce_InOrder_AndNamesTheNext()
    {
        await using var bot = await RunningBot.StartAsync();
        Assert.Contains("Created **Film Night**", Content(await bot.CommandAsync("boss", "club", Sub("setup", ("name", "Film Night"), ("kind", "film"), ("channel", bot.Guild.Channels["film-night"]), ("timezone", "Europe/Berlin"), ("method", "plurality")))), StringComparison.Ordinal);
        await PostsAsync(bot, 1); // nominations are open
        Assert.Contains("Every 8 weeks", Content(await bot.CommandAsync("boss", "club", Sub("schedule", ("every-weeks", 8)))), StringComparison.Ordinal);
        foreach (var (member, title) in new[] { ("ana", "Alien"), ("ben", "Heat"), ("cho", "Ran") })
        {
            Assert.StartsWith("New nomination!", Content(await bot.CommandAsync(member, "nominate", Sub("film", ("title", title)))), StringComparison.Ordinal);
        }

        (string Step, string[] Posts)[] rhythm =
        [
            ("Voting opens", ["Voting is open"]),
            ("Voting reminder 1", ["⏰ Voting for"]),
            ("Voting reminder 2", ["⏰ Voting for"]),
            ("Voting closes, pick announced", ["The votes are in!", "🧵"]),
            ("Discussion prompt 1", ["💬"]),
            ("Discussion prompt 2", ["💬"]),
            ("Discussion prompt 3", ["💬"]),
            ("Nominations open", ["📝 Nominations are open"]),
            ("Voting opens", []),
        ];
        var posted = await PostsAsync(bot, 1);
        for (var i = 0; i < rhythm.Length - 1; i++)
        {
            if (rhythm[i].Step.StartsWith("Voting closes", StringComparison.Ordinal))
            {
                await VoteForHeatAsync(bot);
            }

            var reply = await ReplyAsync(bot, await bot.CommandAsync("boss", "club", Sub("advance")));
            Assert.Contains($"Done: **{rhythm[i].Step}** for **Film Night**", reply, StringComparison.Ordinal);
            Assert.Contains($"Next: **{rhythm[i + 1].Step}** — <t:", reply, StringComparison.Ordinal);

            var now = await PostsAsync(bot, posted.Count + rhythm[i].Posts.Length);
            Assert.Equal(posted.Select(p => p.Id), now.Take(posted.Count).Select(p => p.Id));
            Assert.Equal(rhythm[i].Posts, now.Skip(posted.Count).Select(p => Prefix(p.Content, rhythm[i].Posts)));
            posted = now;
        }

        // In all: one post per step, none repeated; the pick's thread holds its starter and its three prompts.
        Assert.Equal(10, posted.Count);
        var pick = Assert.Single(await bot.Get<Domain.Picks.IPickRepository>().ListByTrackAsync((await TrackAsync(bot)).Id, default));
        Assert.Equal("Heat", pick.Media.Title);
        var thread = pick.ThreadId!.Value.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(["🧵", "💬", "💬", "💬"], posted.Where(p => p.ChannelId == thread).Select(p => p.Content[..2]));
        Assert.Equal(3, posted.Where(p => p.ChannelId == thread && p.Content.StartsWith("💬", StringComparison.Ordinal)).Select(p => p.Content).Distinct().Count());
        Assert.All(await bot.Control.MessagesAsync(), m => Assert.False(m.Notifications.NotifiesAnyone, m.Content));
    }

    /// <summary>The reply's text, once there is some (a deferred reply is edited when the step is done).</summary>
    private static async Task<string> ReplyAsync(RunningBot bot, InteractionRecord answered)
    {
        var text = Content(answered);
        await RunningBot.WaitUntilAsync(async () => (text = Content(await bot.Control.GetInteractionAsync(answered.Id))).Length > 0, "the reply's text");
        return text;
    }

    private static async Task VoteForHeatAsync(RunningBot bot)
    {
        var track = await TrackAsync(bot);
        var (_, candidates) = await bot.Get<NominationService>().ListCurrentAsync(track, default);
        var heat = candidates.Single(n => n.Media.Title == "Heat").Id;
        foreach (var member in new[] { "ana", "ben" })
        {
            var voter = ulong.Parse(bot.Guild.Users[member], CultureInfo.InvariantCulture);
            Assert.True((await bot.Get<VotingService>().CastAsync(track, voter, [heat], default)).IsSuccess);
        }
    }

    private static async Task<Track> TrackAsync(RunningBot bot) => (await bot.Get<IClubRepository>().GetAsync(bot.GuildId, default))!.Tracks.Single();

    /// <summary>What the bot has posted by itself (not replies to commands), oldest first, once there are at least <paramref name="count"/>.</summary>
    private static async Task<List<MessageEntry>> PostsAsync(RunningBot bot, int count)
    {
        var botUser = bot.Emulator.BotUserId.ToString(CultureInfo.InvariantCulture);
        List<MessageEntry> posts = [];
        await RunningBot.WaitUntilAsync(
            async () => (posts = [.. (await bot.Control.MessagesAsync()).Where(m => m.AuthorId == botUser && m.Type == 0)]).Count >= count,
            $"{count} posts");
        return posts;
    }

    private static string Prefix(string content, string[] prefixes) =>
        prefixes.FirstOrDefault(p => content.StartsWith(p, StringComparison.Ordinal)) ?? content;
}
