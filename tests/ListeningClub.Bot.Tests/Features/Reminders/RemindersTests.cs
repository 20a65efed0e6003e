using System.Globalization;
using ListeningClub.Application.Scheduling;
using ListeningClub.Bot.Features.Reminders;
using ListeningClub.Bot.Posting;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Outbox;
using ListeningClub.Domain.Scheduling;

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
        var rhythm = bot.Get<RhythmService>();
        track = (await rhythm.SetReminderRoleAsync(track, role, None)).Value;
        Assert.True((await bot.Get<ReminderRole>().SetAsync(track, bot.User("ana"), wanted: true, None)).IsSuccess);
        track = (await rhythm.SetDmReminderAsync(track, bot.User("ben"), wanted: true, None)).Value;
        foreach (var (member, title) in new[] { ("ana", "Alien"), ("ben", "Heat"), ("cho", "Ran") })
        {
            await bot.NominateAsync(track, member, MediaFactory.Film(title, null, null, null).Value);
        }

        var trackRhythm = bot.Steps();
        bot.Time.SetUtcNow(Berlin(5, 18));
        await trackRhythm.AdvanceAsync(bot.GuildId, track.Id, None);
        bot.Time.SetUtcNow(Berlin(6, 17));
        await trackRhythm.AdvanceAsync(bot.GuildId, track.Id, None);
        await trackRhythm.AdvanceAsync(bot.GuildId, track.Id, None); // the trigger firing twice sends nothing twice

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
        track = (await bot.Get<RhythmService>().SetDmReminderAsync(track, bot.User("eve"), wanted: true, None)).Value;
        await bot.NominateAsync(track, "ana", MediaFactory.Film("Alien", null, null, null).Value);
        var trackRhythm = bot.Steps();
        bot.Time.SetUtcNow(Berlin(5, 18));
        await trackRhythm.AdvanceAsync(bot.GuildId, track.Id, None);
        bot.Time.SetUtcNow(Berlin(6, 17));
        await trackRhythm.AdvanceAsync(bot.GuildId, track.Id, None);

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
        track = (await bot.Get<RhythmService>().SetScheduleAsync(track, track.Schedule with { Party = new(DayOfWeek.Saturday, new TimeOnly(20, 0)) }, None)).Value;
        await bot.NominateAsync(track, "ana", MediaFactory.Film("Alien", 1979, null, null).Value);
        var rhythm = bot.Steps();
        await rhythm.OpenVotingNowAsync(track, None);
        bot.Time.SetUtcNow(Berlin(6, 18));
        await rhythm.AdvanceAsync(bot.GuildId, track.Id, None);

        var next = await rhythm.AdvanceAsync(bot.GuildId, track.Id, None);
        Assert.Equal((RhythmStep.PostPrompt, Berlin(7, 12)), (next!.Step, next.At));
        bot.Time.SetUtcNow(Berlin(7, 12));
        next = await rhythm.AdvanceAsync(bot.GuildId, track.Id, None);
        Assert.Equal((RhythmStep.RemindParty, Berlin(7, 19)), (next!.Step, next.At));
        bot.Time.SetUtcNow(next.At);
        await rhythm.AdvanceAsync(bot.GuildId, track.Id, None);

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
        track = (await bot.Get<RhythmService>().SetReminderRoleAsync(track, role, None)).Value;
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
        var rhythm = bot.Get<RhythmService>();
        for (var member = 1UL; member <= RhythmService.MaxDmReminderMembers; member++)
        {
            track = (await rhythm.SetDmReminderAsync(track, member, wanted: true, None)).Value;
        }

        Assert.Equal("reminders.dm_full", (await rhythm.SetDmReminderAsync(track, 999, wanted: true, None)).Problem!.Code);
        Assert.True((await rhythm.SetDmReminderAsync(track, 1, wanted: false, None)).IsSuccess);
        Assert.True((await rhythm.SetDmReminderAsync(track, 999, wanted: true, None)).IsSuccess);
    }
}
