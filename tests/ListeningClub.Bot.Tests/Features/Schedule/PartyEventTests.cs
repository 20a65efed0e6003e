using System.Globalization;
using ListeningClub.Application.Tracks;
using ListeningClub.Bot.Features.Schedule;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Bot.Tests.Features.Schedule;

/// <summary>The watch party as a Discord scheduled event: created with the announcement, kept to one, updated when the pick or the time changes.</summary>
public sealed class PartyEventTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    // Monday 2 November 2026, 09:00 in Berlin.
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Berlin(int day, int hour) => new(2026, 11, day, hour, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public async Task PartyEvent_IsCreatedOnAnnouncement_Once_AndFollowsThePickAndTheTime()
    {
        await using var bot = await BotHarness.StartAsync(Start);
        var track = await bot.SetupTrackAsync("Film Night", MediaKind.Film, "film-night", rules: new TrackRules { VotingMethod = VotingMethod.Plurality });
        var rhythmService = bot.Get<TrackService>();
        track = (await rhythmService.SetScheduleAsync(track, track.Schedule with { Party = new(DayOfWeek.Saturday, new TimeOnly(20, 0)), PartyEvent = true }, None)).Value;
        await bot.NominateAsync(track, "ana", MediaFactory.Film("Alien", 1979, null, null).Value);
        var steps = bot.Steps();
        await steps.OpenVotingNowAsync(track, None);
        bot.Time.SetUtcNow(Berlin(6, 18));
        await steps.AdvanceAsync(bot.GuildId, track.Id, None);
        await steps.AdvanceAsync(bot.GuildId, track.Id, None);

        var state = bot.Emulator.Core.State;
        var guild = state.Guilds[bot.GuildId];
        var id = Assert.Single(guild.ScheduledEventIds);
        var body = state.ScheduledEvents[id].Body;
        Assert.Equal("🍿 Alien (1979)", body["name"]!.GetValue<string>());
        Assert.Equal(Berlin(7, 20), DateTimeOffset.Parse(body["scheduled_start_time"]!.GetValue<string>(), CultureInfo.InvariantCulture));
        var cycle = (await bot.Get<ICycleRepository>().GetCurrentAsync(track.Id, None))!;
        Assert.Equal(id, cycle.PartyEventId);

        // The pick changes (a manager's correction): the same event follows it.
        var pick = (await bot.Get<IPickRepository>().GetByCycleAsync(cycle.Id, None))!;
        await bot.Get<IPickRepository>().SaveAsync(pick with { Media = MediaFactory.Film("Aliens", 1986, null, null).Value }, None);
        var events = bot.Get<PartyEvents>();
        await events.SyncLatestAsync(track, None);
        Assert.Equal("🍿 Aliens (1986)", state.ScheduledEvents[Assert.Single(guild.ScheduledEventIds)].Body["name"]!.GetValue<string>());

        // The party moves to Sunday 15:00: so does the event.
        track = (await rhythmService.SetScheduleAsync(track, track.Schedule with { Party = new(DayOfWeek.Sunday, new TimeOnly(15, 0)) }, None)).Value;
        await events.SyncLatestAsync(track, None);
        var moved = state.ScheduledEvents[Assert.Single(guild.ScheduledEventIds)].Body;
        Assert.Equal(Berlin(8, 15), DateTimeOffset.Parse(moved["scheduled_start_time"]!.GetValue<string>(), CultureInfo.InvariantCulture));

        // A crash between creating the event and saving its id: the event is found again, not made twice.
        await bot.Get<ICycleRepository>().SaveAsync(cycle with { PartyEventId = null }, None);
        Assert.Equal(id, await events.SyncLatestAsync(track, None));
        Assert.Single(guild.ScheduledEventIds);
    }
}
