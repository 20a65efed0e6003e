using ListeningClub.Domain.Common;
using ListeningClub.Domain.Schedule;
using ListeningClub.Storage.Repositories;
using ListeningClub.Storage.Tests.Support;

namespace ListeningClub.Storage.Tests.Mapping;

/// <summary>The weekly rhythm's settings and state survive a reopen: party, reminder role, DM opt-ins, a skipped week, the party event.</summary>
public sealed class RhythmFieldsRoundTripTests
{
    [Fact]
    public async Task PartyAndReminderSettings_RoundTrip()
    {
        await using var test = new TestStore();
        var track = Sample.Track() with
        {
            Schedule = TrackSchedule.Weekly with { Party = new(DayOfWeek.Saturday, new TimeOnly(20, 30)), PartyReminders = [TimeSpan.FromHours(3), TimeSpan.FromMinutes(15)], PartyEvent = true },
            ReminderRoleId = ulong.MaxValue - 7,
            DmReminderMembers = [11, 12, ulong.MaxValue],
        };
        await new ClubRepository(test.Store).SaveAsync(Sample.Club(1000, track), default);

        await test.ReopenAsync();

        TrackAssert.Same(track, Assert.Single((await new ClubRepository(test.Store).GetAsync(1000, default))!.Tracks));
    }

    [Fact]
    public async Task SkippedWeekAndPartyEvent_OfACycle_RoundTrip()
    {
        await using var test = new TestStore();
        var cycle = Sample.Cycle(TrackId.New()) with { NextCycleNotBefore = Sample.Now.AddDays(9), PartyEventId = 1_100_000_000_000_000_001 };
        await new CycleRepository(test.Store).SaveAsync(cycle, default);

        await test.ReopenAsync();

        Assert.Equal(cycle, await new CycleRepository(test.Store).GetAsync(cycle.Id, default));
    }

    [Fact]
    public async Task StepsDone_OfACycle_RoundTrip()
    {
        await using var test = new TestStore();
        var cycle = Sample.Cycle(TrackId.New()).WithStepDone("nominations").WithStepDone("remind-1").WithStepDone("prompt-2");
        await new CycleRepository(test.Store).SaveAsync(cycle, default);

        await test.ReopenAsync();

        var loaded = await new CycleRepository(test.Store).GetAsync(cycle.Id, default);
        Assert.Equal(cycle, loaded);
        Assert.Equal(["nominations", "prompt-2", "remind-1"], loaded!.StepsDone.Keys);
    }

    [Fact]
    public async Task ForumPostName_OfAnOutboxMessage_RoundTrips()
    {
        await using var test = new TestStore();
        var id = Guid.NewGuid();
        var message = new Domain.Outbox.OutboxMessage
        {
            Id = id,
            Nonce = Domain.Outbox.OutboxMessage.NonceFor(id),
            GuildId = 1,
            ChannelId = 2,
            Kind = "pick-announced",
            IntentKey = "cycle",
            Payload = "{}",
            ForumPostName = "🎬 Heat — Film Night",
            CreatedAt = Sample.Now,
        };
        await new OutboxRepository(test.Store).AddOrGetAsync(message, default);

        await test.ReopenAsync();

        Assert.Equal(message, await new OutboxRepository(test.Store).GetAsync(id, default));
    }
}
