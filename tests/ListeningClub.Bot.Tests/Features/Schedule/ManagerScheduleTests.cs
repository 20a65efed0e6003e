using ListeningClub.Application.Cycles;
using ListeningClub.Application.Tracks;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Schedule;

namespace ListeningClub.Bot.Tests.Features.Schedule;

/// <summary>Managers steering a track's rhythm (schedule, pause, resume, skip, advance), on a fake clock through the real scheduler.</summary>
public sealed class ManagerScheduleTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    // Monday 2 November 2026, 09:00 in Berlin.
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Berlin(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.FromHours(1));

    [Fact]
    public async Task ScheduleChange_RearmsTheTrigger_AtTheNewTime()
    {
        await using var bot = await BotHarness.StartAsync(Start);
        var track = await bot.SetupTrackAsync("Film Night", MediaKind.Film, "film-night");
        var driver = await SchedulerDriver.StartAsync(bot);
        await driver.RunNowAsync(bot.GuildId, track.Id);
        Assert.Equal(Berlin(5, 18), await driver.NextFireAsync(track.Id));

        var changed = await bot.Get<TrackService>().SetScheduleAsync(track, track.Schedule with { VotingOpens = new(DayOfWeek.Wednesday, new TimeOnly(20, 30)) }, None);
        Assert.True(changed.IsSuccess, changed.Problem?.Message);
        await driver.RunNowAsync(bot.GuildId, track.Id);

        Assert.Equal(Berlin(4, 20, 30), await driver.NextFireAsync(track.Id));
        Assert.Equal(Berlin(4, 20, 30), (await bot.Get<ICycleRepository>().GetCurrentAsync(track.Id, None))!.VotingOpensAt);
    }

    [Fact]
    public async Task Pause_StopsTheTrack_AndResume_PlansMissedStepsFromNow()
    {
        await using var bot = await BotHarness.StartAsync(Start);
        var track = await bot.SetupTrackAsync("Film Night", MediaKind.Film, "film-night");
        await NominateThreeAsync(bot, track);
        var driver = await SchedulerDriver.StartAsync(bot);
        var tracks = bot.Get<TrackService>();

        Assert.True((await tracks.PauseAsync(track, None)).IsSuccess);
        await driver.RunNowAsync(bot.GuildId, track.Id);
        Assert.Null(await driver.NextFireAsync(track.Id));
        Assert.Equal("rhythm.paused", (await tracks.PauseAsync(await CurrentAsync(bot, track), None)).Problem!.Code);

        // The week goes by without a vote.
        bot.Time.SetUtcNow(Berlin(7, 12));
        Assert.DoesNotContain(await bot.MessagesAsync("film-night"), m => m.Content.StartsWith("Voting is open", StringComparison.Ordinal));

        Assert.True((await tracks.ResumeAsync(await CurrentAsync(bot, track), None)).IsSuccess);
        await driver.RunNowAsync(bot.GuildId, track.Id);
        Assert.Equal(Berlin(12, 18), await driver.NextFireAsync(track.Id));
        Assert.Equal(Berlin(12, 18), await driver.FireNextAsync(track.Id));
        Assert.Single(await bot.MessagesAsync("film-night"), m => m.Content.StartsWith("Voting is open", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Skip_BeforeVoting_OpensTheVoteAWeekLater_AndAnOpenVoteCannotBeSkipped()
    {
        await using var bot = await BotHarness.StartAsync(Start);
        var track = await bot.SetupTrackAsync("Film Night", MediaKind.Film, "film-night");
        await NominateThreeAsync(bot, track);
        var driver = await SchedulerDriver.StartAsync(bot);
        await driver.RunNowAsync(bot.GuildId, track.Id);

        Assert.True((await bot.Get<TrackService>().SkipAsync(track, None)).IsSuccess);
        await driver.RunNowAsync(bot.GuildId, track.Id);
        Assert.Equal(Berlin(12, 18), await driver.FireNextAsync(track.Id));
        Assert.Equal(CyclePhase.Voting, (await bot.Get<ICycleRepository>().GetCurrentAsync(track.Id, None))!.Phase);

        var refused = await bot.Get<TrackService>().SkipAsync(track, None);
        Assert.Equal("cycle.skip_voting", refused.Problem!.Code);
        Assert.Equal(Berlin(13, 17), await driver.NextFireAsync(track.Id)); // the 1-hour reminder, unchanged
    }

    [Fact]
    public async Task Skip_AfterTheAnnouncement_StartsTheNextCycleAWeekLater()
    {
        await using var bot = await BotHarness.StartAsync(Start);
        var track = await bot.SetupTrackAsync("Film Night", MediaKind.Film, "film-night", rules: new TrackRules { VotingMethod = Domain.Voting.VotingMethod.Plurality });
        await NominateThreeAsync(bot, track);
        var driver = await SchedulerDriver.StartAsync(bot);
        var steps = bot.Steps();
        await steps.OpenVotingNowAsync(track, None);
        Assert.True((await steps.CloseVotingNowAsync(track, None)).IsSuccess);

        Assert.True((await bot.Get<TrackService>().SkipAsync(track, None)).IsSuccess);
        await driver.RunNowAsync(bot.GuildId, track.Id);
        var recent = await bot.Get<ICycleRepository>().RecentAsync(track, bot.Time, None);
        var next = StepPlanner.Plan(await CurrentAsync(bot, track), recent).Single(s => s.Step == StepKind.StartNextCycle);
        Assert.Equal(Berlin(16, 0), next.At);
    }

    /// <summary>
    /// A manager runs a whole cycle early with /club advance, one step per call, from Monday morning: each call performs
    /// the next step not yet performed and names the one after it, the trigger moves on with it, and when the planned
    /// times of the steps come round the schedule posts none of them again.
    /// </summary>
    [Fact]
    public async Task Advance_ThroughAWholeCycle_PerformsEachStepOnce_AndTheScheduleRunsNoneAgain()
    {
        await using var bot = await BotHarness.StartAsync(Start);
        var track = await bot.SetupTrackAsync("Film Night", MediaKind.Film, "film-night");
        await NominateThreeAsync(bot, track);
        var driver = await SchedulerDriver.StartAsync(bot);
        await driver.RunNowAsync(bot.GuildId, track.Id); // the track's first run: nominations are open
        var steps = bot.Steps();

        (StepKind Step, string Key)[] expected =
        [
            (StepKind.OpenVoting, "open"), (StepKind.RemindVoting, "remind-1"), (StepKind.RemindVoting, "remind-2"),
            (StepKind.CloseVoting, "close"), (StepKind.PostPrompt, "prompt-1"), (StepKind.PostPrompt, "prompt-2"),
            (StepKind.PostPrompt, "prompt-3"), (StepKind.StartNextCycle, "next"), (StepKind.OpenVoting, "open"),
        ];
        var cycle1 = (await bot.Get<ICycleRepository>().GetCurrentAsync(track.Id, None))!.Id;
        var posts = await AllPostsAsync(bot);
        for (var i = 0; i < expected.Length - 1; i++)
        {
            bot.Time.Advance(TimeSpan.FromMinutes(1)); // a manager calling it again a minute later
            var ran = await steps.RunNextStepNowAsync(await CurrentAsync(bot, track), None);
            Assert.True(ran.IsSuccess, ran.Problem?.Message);
            Assert.Equal(expected[i], (ran.Value.Done.Step, ran.Value.Done.Key));
            Assert.Equal(expected[i + 1], (ran.Value.Next!.Step, ran.Value.Next.Key));
            Assert.Equal(cycle1, ran.Value.Done.CycleId);

            // As /club advance does: the job runs and re-arms the trigger, at the step after the one performed.
            await driver.RunNowAsync(bot.GuildId, track.Id);
            Assert.Equal(ran.Value.Next.At, await driver.NextFireAsync(track.Id));

            // Exactly one new post (the close: the announcement and the discussion's starter), nothing repeated.
            var now = await AllPostsAsync(bot);
            Assert.Equal(posts, now.Take(posts.Count));
            Assert.Equal(expected[i].Step == StepKind.CloseVoting ? 2 : 1, now.Count - posts.Count);
            posts = now;
        }

        Assert.Equal(
            ["📝 Nominations are open", "Voting is open", "⏰ Voting for", "⏰ Voting for", "The votes are in!", "🧵", "💬", "💬", "💬", "📝 Nominations are open"],
            posts.Select(p => Prefix(p.Content)));
        var cycle2 = (await bot.Get<ICycleRepository>().GetCurrentAsync(track.Id, None))!;
        Assert.Equal((2, CyclePhase.Nominating), (cycle2.Number, cycle2.Phase));

        // The week's planned times come round (reminders Thursday and Friday, the close Friday, prompts Tuesday,
        // Thursday and Saturday, the next cycle Monday): only the new cycle's own step runs (nothing to vote on yet).
        var fired = new List<DateTimeOffset>();
        while (await driver.NextFireAsync(track.Id) is { } at && at <= Berlin(9, 12))
        {
            fired.Add(await driver.FireNextAsync(track.Id));
        }

        Assert.Equal([Berlin(5, 18)], fired);
        var after = await AllPostsAsync(bot);
        Assert.Equal(posts, after.Take(posts.Count));
        Assert.StartsWith("Nobody nominated anything", Assert.Single(after.Skip(posts.Count)).Content, StringComparison.Ordinal);
        Assert.Single(await bot.Get<IPickRepository>().ListByTrackAsync(track.Id, None));
    }

    [Fact]
    public async Task Advance_WhilePaused_SaysToResumeFirst()
    {
        await using var bot = await BotHarness.StartAsync(Start);
        var track = await bot.SetupTrackAsync("Film Night", MediaKind.Film, "film-night");
        var paused = await bot.Get<TrackService>().PauseAsync(track, None);
        var refused = await bot.Steps().RunNextStepNowAsync(paused.Value, None);
        Assert.Contains("/club resume", refused.Problem!.Message, StringComparison.Ordinal);
    }

    /// <summary>Everything the bot posted in the track's channel and in its picks' threads, oldest first.</summary>
    private static async Task<List<(string Id, string Content)>> AllPostsAsync(BotHarness bot)
    {
        var messages = (await bot.Control.MessagesAsync()).Where(m => m.AuthorId == bot.Emulator.BotUserId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return messages.OrderBy(m => ulong.Parse(m.Id, System.Globalization.CultureInfo.InvariantCulture)).Select(m => (m.Id, m.Content)).ToList();
    }

    private static string Prefix(string content) =>
        new[] { "📝 Nominations are open", "Voting is open", "⏰ Voting for", "The votes are in!", "🧵", "💬" }.FirstOrDefault(p => content.StartsWith(p, StringComparison.Ordinal)) ?? content;

    private static async Task<Track> CurrentAsync(BotHarness bot, Track track) =>
        (await bot.Get<IClubRepository>().GetAsync(bot.GuildId, None))!.FindTrack(track.Id)!;

    private static async Task NominateThreeAsync(BotHarness bot, Track track)
    {
        foreach (var (member, title) in new[] { ("ana", "Alien"), ("ben", "Heat"), ("cho", "Ran") })
        {
            await bot.NominateAsync(track, member, MediaFactory.Film(title, null, null, null).Value);
        }
    }
}
