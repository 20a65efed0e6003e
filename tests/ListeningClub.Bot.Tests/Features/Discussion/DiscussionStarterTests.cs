using System.Globalization;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Schedule;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Bot.Tests.Features.Discussion;

/// <summary>The pick's discussion opens with a starter message: the pick, when the prompts come, how to rate and when ratings are revealed.</summary>
public sealed class DiscussionStarterTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    // Monday 2 November 2026, 09:00 in Berlin.
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Berlin(int day, int hour) => new(2026, 11, day, hour, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public async Task TextTrack_ThePicksThread_OpensWithTheStarter_Once()
    {
        await using var bot = await BotHarness.StartAsync(Start);
        var (track, pick) = await AnnounceAsync(bot, "film-night");

        var thread = await bot.Control.MessagesAsync(pick.ThreadId!.Value.ToString(CultureInfo.InvariantCulture));
        AssertStarter(Assert.Single(thread));
        Assert.DoesNotContain(await bot.MessagesAsync("film-night"), m => m.Content.StartsWith("🧵", StringComparison.Ordinal)); // in the thread, not the channel

        // Running the steps and the close again posts no second starter.
        await bot.Steps().AdvanceAsync(bot.GuildId, track.Id, None);
        await bot.Steps().CloseVotingNowAsync(track, None);
        Assert.Single(await bot.Control.MessagesAsync(pick.ThreadId.Value.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task ForumTrack_TheStarter_IsThePicksPostsSecondMessage()
    {
        await using var bot = await BotHarness.StartAsync(Start);
        var (track, pick) = await AnnounceAsync(bot, "film-forum");

        var post = await bot.Control.MessagesAsync(pick.ThreadId!.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(2, post.Count);
        Assert.StartsWith("The votes are in!", post[0].Content, StringComparison.Ordinal);
        AssertStarter(post[1]);

        await bot.Steps().AdvanceAsync(bot.GuildId, track.Id, None);
        Assert.Equal(2, (await bot.Control.MessagesAsync(pick.ThreadId.Value.ToString(CultureInfo.InvariantCulture))).Count);
    }

    /// <summary>Heat wins on Monday morning: the prompts come Tuesday, Thursday and Saturday at noon; the ratings are revealed with the next pick, on Friday the 13th.</summary>
    private static void AssertStarter(MessageEntry starter)
    {
        Assert.StartsWith("🧵", starter.Content, StringComparison.Ordinal);
        Assert.Contains("**Heat** is this cycle's pick for **Film Night**", starter.Content, StringComparison.Ordinal);
        Assert.Contains($"Discussion prompts come here <t:{Berlin(3, 12).ToUnixTimeSeconds()}:F>, <t:{Berlin(5, 12).ToUnixTimeSeconds()}:F> and <t:{Berlin(7, 12).ToUnixTimeSeconds()}:F>.", starter.Content, StringComparison.Ordinal);
        Assert.Contains("`/rate`", starter.Content, StringComparison.Ordinal);
        Assert.Contains("sealed", starter.Content, StringComparison.Ordinal);
        Assert.Contains($"planned for <t:{Berlin(13, 18).ToUnixTimeSeconds()}:F>", starter.Content, StringComparison.Ordinal);
        Assert.False(starter.Notifications.NotifiesAnyone);
        Assert.Equal("""{"parse":[]}""", starter.AllowedMentions?.ToJsonString());
    }

    private static async Task<(Track Track, Pick Pick)> AnnounceAsync(BotHarness bot, string channel)
    {
        var track = await bot.SetupTrackAsync("Film Night", MediaKind.Film, channel, rules: new TrackRules { VotingMethod = VotingMethod.Plurality });
        var heat = await bot.NominateAsync(track, "ana", MediaFactory.Film("Heat", null, null, null).Value);
        await bot.NominateAsync(track, "ben", MediaFactory.Film("Ran", null, null, null).Value);
        var steps = bot.Steps();
        Assert.True((await steps.OpenVotingNowAsync(track, None)).IsSuccess);
        Assert.True((await bot.Get<ListeningClub.Application.Voting.VotingService>().CastAsync(track, bot.User("cho"), [heat.Id], None)).IsSuccess);
        var closed = await steps.CloseVotingNowAsync(track, None);
        Assert.True(closed.IsSuccess, closed.Problem?.Message);
        Assert.Equal(StepPlanner.PlannedReveal(track, closed.Value.Cycle), Berlin(13, 18));
        Assert.Contains(StepPlanner.DiscussionKey, (await bot.Get<ICycleRepository>().GetAsync(closed.Value.Cycle.Id, None))!.StepsDone.Keys);
        return (track, (await bot.Get<IPickRepository>().GetByCycleAsync(closed.Value.Cycle.Id, None))!);
    }
}
