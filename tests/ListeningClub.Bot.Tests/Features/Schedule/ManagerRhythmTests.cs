using ListeningClub.Bot.Features.Rhythm;
using ListeningClub.Bot.Tests.Features.Rhythm;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Scheduling;

namespace ListeningClub.Bot.Tests.Features.Schedule;

/// <summary>Managers steering a track's rhythm (schedule, pause, resume, skip, advance), on a fake clock through the real scheduler.</summary>
public sealed class ManagerRhythmTests
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

        var changed = await bot.Get<RhythmService>().SetScheduleAsync(track, track.Schedule with { VotingOpens = new(DayOfWeek.Wednesday, new TimeOnly(20, 30)) }, None);
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
        var rhythm = bot.Get<RhythmService>();

        Assert.True((await rhythm.PauseAsync(track, None)).IsSuccess);
        await driver.RunNowAsync(bot.GuildId, track.Id);
        Assert.Null(await driver.NextFireAsync(track.Id));
        Assert.Equal("rhythm.paused", (await rhythm.PauseAsync(await CurrentAsync(bot, track), None)).Problem!.Code);

        // The week goes by without a vote.
        bot.Time.SetUtcNow(Berlin(7, 12));
        Assert.DoesNotContain(await bot.MessagesAsync("film-night"), m => m.Content.StartsWith("Voting is open", StringComparison.Ordinal));

        Assert.True((await rhythm.ResumeAsync(await CurrentAsync(bot, track), None)).IsSuccess);
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

        Assert.True((await bot.Get<RhythmService>().SkipAsync(track, None)).IsSuccess);
        await driver.RunNowAsync(bot.GuildId, track.Id);
        Assert.Equal(Berlin(12, 18), await driver.FireNextAsync(track.Id));
        Assert.Equal(CyclePhase.Voting, (await bot.Get<ICycleRepository>().GetCurrentAsync(track.Id, None))!.Phase);

        var refused = await bot.Get<RhythmService>().SkipAsync(track, None);
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
        var rhythm = bot.Get<TrackRhythm>();
        await rhythm.OpenVotingNowAsync(track, None);
        Assert.True((await rhythm.CloseVotingNowAsync(track, None)).IsSuccess);

        Assert.True((await bot.Get<RhythmService>().SkipAsync(track, None)).IsSuccess);
        await driver.RunNowAsync(bot.GuildId, track.Id);
        var recent = await bot.Get<ICycleRepository>().RecentAsync(track, bot.Time, None);
        var next = RhythmPlanner.Plan(await CurrentAsync(bot, track), recent).Single(s => s.Step == RhythmStep.StartNextCycle);
        Assert.Equal(Berlin(16, 0), next.At);
    }

    [Fact]
    public async Task Advance_RunsTheNextStepNow_AndTheScheduleDoesNotRepeatIt()
    {
        await using var bot = await BotHarness.StartAsync(Start);
        var track = await bot.SetupTrackAsync("Film Night", MediaKind.Film, "film-night");
        await NominateThreeAsync(bot, track);
        var driver = await SchedulerDriver.StartAsync(bot);
        await driver.RunNowAsync(bot.GuildId, track.Id);
        var rhythm = bot.Get<TrackRhythm>();

        var opened = await rhythm.RunNextStepNowAsync(track, None);
        Assert.Equal(RhythmStep.OpenVoting, opened.Value.Step);
        await driver.RunNowAsync(bot.GuildId, track.Id);
        Assert.Equal(Berlin(5, 18), await driver.NextFireAsync(track.Id)); // voting opened early: the 24-hour reminder now applies

        var reminded = await rhythm.RunNextStepNowAsync(track, None);
        Assert.Equal(RhythmStep.RemindVoting, reminded.Value.Step);
        await driver.RunNowAsync(bot.GuildId, track.Id);

        // The reminder's planned time still comes round; it does not post a second time. The 1-hour one does post.
        Assert.Equal(Berlin(5, 18), await driver.FireNextAsync(track.Id));
        Assert.Equal(Berlin(6, 17), await driver.FireNextAsync(track.Id));
        Assert.Equal(Berlin(6, 18), await driver.FireNextAsync(track.Id));

        var channel = await bot.MessagesAsync("film-night");
        Assert.Single(channel, m => m.Content.StartsWith("Voting is open", StringComparison.Ordinal));
        Assert.Equal(2, channel.Count(m => m.Content.StartsWith('⏰')));
        Assert.Single(channel, m => m.Content.StartsWith("The votes are in!", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Advance_WhilePaused_SaysToResumeFirst()
    {
        await using var bot = await BotHarness.StartAsync(Start);
        var track = await bot.SetupTrackAsync("Film Night", MediaKind.Film, "film-night");
        var paused = await bot.Get<RhythmService>().PauseAsync(track, None);
        var refused = await bot.Get<TrackRhythm>().RunNextStepNowAsync(paused.Value, None);
        Assert.Contains("/club resume", refused.Problem!.Message, StringComparison.Ordinal);
    }

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
