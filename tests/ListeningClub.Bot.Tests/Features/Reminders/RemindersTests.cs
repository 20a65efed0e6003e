using System.Globalization;
using ListeningClub.Application.Tracks;
using ListeningClub.Bot.Features.Reminders;
using ListeningClub.Bot.Posting;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Outbox;
using ListeningClub.Domain.Schedule;

namespace ListeningClub.Bot.Tests.Features.Reminders;

/// <summary>Reminders reach exactly the members who opted in: the reminder role in the channel, direct messages for those who asked.</summary>
public sealed class RemindersTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    // Monday 2 November 2026, 09:00 in Berlin.
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Berlin(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.FromHours(1));

    [Fact]
    public async Task VotingReminder_PingsOnlyTheReminderRole_ListsTheCandidatesAndClose_AndDmsThoseWhoAsked()
    {
        await using var bot = await BotHarness.StartAsync(Start);
        var role = ulong.Parse(bot.Guild.Roles["Club Manager"], CultureInfo.InvariantCulture); // any role members can opt into
        var track = await bot.SetupTrackAsync("Film Night", MediaKind.Film, "film-night");
        var tracks = bot.Get<TrackService>();
        track = (await tracks.SetReminderRoleAsync(track, role, None)).Value;
        Assert.True((await bot.Get<ReminderRole>().SetAsync(track, bot.User("ana"), wanted: true, None)).IsSuccess);
        track = (await tracks.SetDmReminderAsync(track, bot.User("ben"), wanted: true, None)).Value;
        foreach (var (member, title) in new[] { ("ana", "Alien"), ("ben", "Heat"), ("cho", "Ran") })
        {
            await bot.NominateAsync(track, member, MediaFactory.Film(title, null, null, null).Value);
        }

        var steps = bot.Steps();
        bot.Time.SetUtcNow(Berlin(5, 18));
        await steps.AdvanceAsync(bot.GuildId, track.Id, None);
        bot.Time.SetUtcNow(Berlin(6, 17));
        await steps.AdvanceAsync(bot.GuildId, track.Id, None);
        await steps.AdvanceAsync(bot.GuildId, track.Id, None); // the trigger firing twice sends nothing twice

        var channel = await bot.MessagesAsync("film-night");
        var voting = Assert.Single(channel, m => m.Content.StartsWith("Voting is open", StringComparison.Ordinal));
        Assert.Contains($"remind:{track.Id}", voting.Message.ToJsonString(), StringComparison.Ordinal);

        var reminder = Assert.Single(channel, m => m.Content.StartsWith('⏰'));
        var closes = Berlin(6, 18).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        Assert.Contains($"<t:{closes}:F>", reminder.Content, StringComparison.Ordinal);
        Assert.All(["Alien", "Heat", "Ran"], title => Assert.Contains(title, reminder.Content, StringComparison.Ordinal));
        Assert.Equal([role.ToString(CultureInfo.InvariantCulture)], reminder.Notifications.Roles);
        Assert.Empty(reminder.Notifications.Users);
        Assert.False(reminder.Notifications.Everyone);

        // Ana got the role through the API; Ben got one direct message that pings nobody.
        var guild = bot.Emulator.Core.State.Guilds[bot.GuildId];
        Assert.Contains(role, guild.Members[bot.User("ana")].RoleIds);
        var dmChannel = bot.Emulator.Core.State.DmChannelByUser[bot.User("ben")];
        var dm = Assert.Single(await bot.Control.MessagesAsync(dmChannel.ToString(CultureInfo.InvariantCulture)));
        Assert.StartsWith("⏰ Voting for **Film Night**", dm.Content, StringComparison.Ordinal);
        Assert.False(dm.Notifications.NotifiesAnyone);
        Assert.False(bot.Emulator.Core.State.DmChannelByUser.ContainsKey(bot.User("cho")));
    }

    [Fact]
    public async Task DmReminder_ToAMemberWhoClosedDirectMessages_IsGivenUp_NotRetriedAtEveryCatchUp()
    {
        await using var bot = await BotHarness.StartAsync(Start);
        var track = await bot.SetupTrackAsync("Film Night", MediaKind.Film, "film-night");
        track = (await bot.Get<TrackService>().SetDmReminderAsync(track, bot.User("eve"), wanted: true, None)).Value;
        await bot.NominateAsync(track, "ana", MediaFactory.Film("Alien", null, null, null).Value);
        var steps = bot.Steps();
        bot.Time.SetUtcNow(Berlin(5, 18));
        await steps.AdvanceAsync(bot.GuildId, track.Id, None);
        bot.Time.SetUtcNow(Berlin(6, 17));
        await steps.AdvanceAsync(bot.GuildId, track.Id, None);

        var requests = (await bot.Control.RequestsAsync()).Count;
        var dmChannel = bot.Emulator.Core.State.DmChannelByUser[bot.User("eve")].ToString(CultureInfo.InvariantCulture);
        Assert.Single(await bot.Control.RequestsAsync(), r => r.Status == 403 && r.Path.Contains(dmChannel, StringComparison.Ordinal));
        Assert.Empty(await bot.Control.MessagesAsync(dmChannel));
        Assert.Empty(await bot.Get<IOutboxRepository>().ListPendingAsync(None));
        Assert.Equal(0, await bot.Get<OutboxDispatcher>().FlushAsync(None));
        Assert.Equal(requests, (await bot.Control.RequestsAsync()).Count);
        Assert.Single(await bot.MessagesAsync("film-night"), m => m.Content.StartsWith('⏰')); // the channel reminder still went out
    }

    [Fact]
    public async Task PartyReminder_AnHourBefore_WithTheEventAndThread()
    {
        await using var bot = await BotHarness.StartAsync(Start);
        var track = await bot.SetupTrackAsync("Film Night", MediaKind.Film, "film-night", rules: new TrackRules { VotingMethod = Domain.Voting.VotingMethod.Plurality });
        track = (await bot.Get<TrackService>().SetScheduleAsync(track, track.Schedule with { Party = new(DayOfWeek.Saturday, new TimeOnly(20, 0)) }, None)).Value;
        await bot.NominateAsync(track, "ana", MediaFactory.Film("Alien", 1979, null, null).Value);
        var steps = bot.Steps();
        await steps.OpenVotingNowAsync(track, None);
        bot.Time.SetUtcNow(Berlin(6, 18));
        await steps.AdvanceAsync(bot.GuildId, track.Id, None);

        var next = await steps.AdvanceAsync(bot.GuildId, track.Id, None);
        Assert.Equal((StepKind.PostPrompt, Berlin(7, 12)), (next!.Step, next.At));
        bot.Time.SetUtcNow(Berlin(7, 12));
        next = await steps.AdvanceAsync(bot.GuildId, track.Id, None);
        Assert.Equal((StepKind.RemindParty, Berlin(7, 19)), (next!.Step, next.At));
        bot.Time.SetUtcNow(next.At);
        await steps.AdvanceAsync(bot.GuildId, track.Id, None);

        var party = Assert.Single(await bot.MessagesAsync("film-night"), m => m.Content.StartsWith("🍿", StringComparison.Ordinal));
        Assert.Contains("watch party for Alien (1979)", party.Content, StringComparison.Ordinal);
        Assert.Contains($"<t:{Berlin(7, 20).ToUnixTimeSeconds()}:R>", party.Content, StringComparison.Ordinal);
        Assert.False(party.Notifications.NotifiesAnyone); // no reminder role: nobody is pinged
    }

    [Fact]
    public async Task ReminderRole_WithoutManageRoles_SaysWhatToFix()
    {
        await using var bot = await BotHarness.StartAsync(Start);
        var role = ulong.Parse(bot.Guild.Roles["Club Manager"], CultureInfo.InvariantCulture);
        var track = await bot.SetupTrackAsync("Film Night", MediaKind.Film, "film-night");
        track = (await bot.Get<TrackService>().SetReminderRoleAsync(track, role, None)).Value;
        bot.Emulator.Core.State.Guilds[bot.GuildId].Members[bot.Emulator.BotUserId].ExtraPermissions = 1UL << 11; // send messages only

        var refused = await bot.Get<ReminderRole>().SetAsync(track, bot.User("ana"), wanted: true, None);

        Assert.Contains("Manage Roles", refused.Problem!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(role, bot.Emulator.Core.State.Guilds[bot.GuildId].Members[bot.User("ana")].RoleIds);
    }

    [Fact]
    public async Task DmReminders_AreCappedPerTrack()
    {
        await using var bot = await BotHarness.StartAsync(Start);
        var track = await bot.SetupTrackAsync("Film Night", MediaKind.Film, "film-night");
        var tracks = bot.Get<TrackService>();
        for (var member = 1UL; member <= TrackService.MaxDmReminderMembers; member++)
        {
            track = (await tracks.SetDmReminderAsync(track, member, wanted: true, None)).Value;
        }

        Assert.Equal("reminders.dm_full", (await tracks.SetDmReminderAsync(track, 999, wanted: true, None)).Problem!.Code);
        Assert.True((await tracks.SetDmReminderAsync(track, 1, wanted: false, None)).IsSuccess);
        Assert.True((await tracks.SetDmReminderAsync(track, 999, wanted: true, None)).IsSuccess);
    }
}
