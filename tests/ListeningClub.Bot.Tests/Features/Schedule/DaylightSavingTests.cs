using System.Globalization;
using ListeningClub.Application.Nominations;
using ListeningClub.Application.Tracks;
using ListeningClub.Application.Voting;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Schedule;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Bot.Tests.Features.Schedule;

/// <summary>
/// Three weeks of a track around each daylight-saving transition, through the real Quartz scheduler on a fake clock:
/// every weekly step fires exactly once; a step set inside the skipped hour fires at the first valid time after it;
/// a step inside the repeated hour fires once, at its first occurrence; other weeks keep their wall-clock time.
/// </summary>
public sealed class DaylightSavingTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    public static TheoryData<string, string, string, string, string> Transitions => new()
    {
        // zone, transition Sunday, step time, expected local time that Sunday, expected UTC offset that Sunday
        { "America/New_York", "2027-03-14", "02:30", "03:00", "-04:00" }, // 02:00 → 03:00: 02:30 doesn't exist
        { "America/New_York", "2027-11-07", "01:30", "01:30", "-04:00" }, // 02:00 → 01:00: 01:30 happens twice
        { "Europe/Berlin", "2027-03-28", "02:30", "03:00", "02:00" },
        { "Europe/Berlin", "2027-10-31", "02:30", "02:30", "02:00" },
        { "Australia/Lord_Howe", "2026-10-04", "02:15", "02:30", "11:00" }, // 02:00 → 02:30: a half-hour shift
        { "Australia/Lord_Howe", "2027-04-04", "01:45", "01:45", "11:00" }, // 02:00 → 01:30: 01:30–02:00 twice
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public async Task WeeklySteps_AcrossATransition_FireOnceEach_AtTheRightLocalTime(string zoneId, string sunday, string stepTime, string expectedTime, string expectedOffset)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var transition = DateOnly.ParseExact(sunday, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var start = ZonedTime.Resolve(transition.AddDays(-13).ToDateTime(new TimeOnly(0, 5)), zone); // the Monday two Sundays before
        var end = ZonedTime.Resolve(transition.AddDays(8).ToDateTime(new TimeOnly(0, 0)), zone);

        await using var bot = await BotHarness.StartAsync(start);
        var track = await bot.SetupTrackAsync("Film Night", MediaKind.Film, "film-night", zoneId, new TrackRules { VotingMethod = VotingMethod.Plurality });
        var schedule = track.Schedule with
        {
            VotingOpens = ScheduleText.Weekly($"Sunday {stepTime}", "voting-opens").Value,
            VotingCloses = ScheduleText.Weekly("Sunday 05:00", "voting-closes").Value,
            PromptDays = [],
        };
        track = (await bot.Get<TrackService>().SetScheduleAsync(track, schedule, None)).Value;
        var driver = await SchedulerDriver.StartAsync(bot);
        await driver.RunNowAsync(bot.GuildId, track.Id);

        while (await driver.NextFireAsync(track.Id) is { } next && next <= end)
        {
            await PlayAsync(bot, track);
            await driver.FireNextAsync(track.Id);
        }

        var cycles = (await bot.Get<ICycleRepository>().ListByTrackAsync(track.Id, None)).Where(c => c.AnnouncedAt is not null).ToList();
        Assert.Equal(3, cycles.Count);
        var opened = cycles.Select(c => TimeZoneInfo.ConvertTime(c.VotingOpenedAt!.Value, zone)).ToList();
        var announced = cycles.Select(c => TimeZoneInfo.ConvertTime(c.AnnouncedAt!.Value, zone)).ToList();

        // The week before and the week after keep the wall-clock time; the transition Sunday gets the expected one.
        Assert.Equal(
            [
                (transition.AddDays(-7), stepTime),
                (transition, expectedTime),
                (transition.AddDays(7), stepTime),
            ],
            opened.Select(o => (DateOnly.FromDateTime(o.DateTime), o.ToString("HH:mm", CultureInfo.InvariantCulture))));
        Assert.Equal(TimeSpan.Parse(expectedOffset.TrimStart('+'), CultureInfo.InvariantCulture), opened[1].Offset);
        Assert.All(announced, a => Assert.Equal("05:00", a.ToString("HH:mm", CultureInfo.InvariantCulture)));

        // Exactly once: one post per step and cycle, and the scheduler never fired twice at one instant.
        var channel = await bot.MessagesAsync("film-night");
        Assert.Equal(3, channel.Count(m => m.Content.StartsWith("Voting is open", StringComparison.Ordinal)));
        Assert.Equal(3, channel.Count(m => m.Content.StartsWith('⏰')));
        Assert.Equal(3, channel.Count(m => m.Content.StartsWith("The votes are in!", StringComparison.Ordinal)));
        Assert.Equal(driver.Fired.Count, driver.Fired.Distinct().Count());
    }

    /// <summary>Members nominate while nominations are open and vote while voting is open.</summary>
    private static async Task PlayAsync(BotHarness bot, Track track)
    {
        var cycle = (await bot.Get<ICycleRepository>().GetCurrentAsync(track.Id, None))!;
        var (_, listed) = await bot.Get<NominationService>().ListCurrentAsync(track, None);
        if (cycle.Phase == CyclePhase.Nominating && listed.Count == 0)
        {
            await bot.NominateAsync(track, "ana", MediaFactory.Film($"Film {cycle.Number}a", null, null, null).Value);
            await bot.NominateAsync(track, "ben", MediaFactory.Film($"Film {cycle.Number}b", null, null, null).Value);
        }

        if (cycle.Phase == CyclePhase.Voting && await bot.Get<IBallotRepository>().CountByCycleAsync(cycle.Id, None) == 0)
        {
            Assert.True((await bot.Get<VotingService>().CastAsync(track, bot.User("cho"), [listed[0].Id], None)).IsSuccess);
        }
    }
}
