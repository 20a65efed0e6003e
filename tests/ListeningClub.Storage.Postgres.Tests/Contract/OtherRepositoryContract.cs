using ListeningClub.Domain.Common;
using ListeningClub.Domain.Outbox;
using ListeningClub.Domain.Prompts;
using ListeningClub.Storage.Postgres.Tests.Support;
using ListeningClub.Storage.Tests.Support;

namespace ListeningClub.Storage.Postgres.Tests.Contract;

/// <summary>Clubs, picks, ratings, prompts and the outbox.</summary>
public abstract class OtherRepositoryContract : ContractTest
{
    [Fact]
    public async Task Clubs_SaveReplaces_AndListReturnsEveryClub()
    {
        await Store.Clubs.SaveAsync(Sample.Club(1), default);
        await Store.Clubs.SaveAsync(Sample.Club(2), default);

        var track = Sample.Track(1);
        await Store.Clubs.SaveAsync(Sample.Club(1, track), default);

        Assert.Equal([1UL, 2UL], (await Store.Clubs.ListAsync(default)).Select(c => c.GuildId).Order());
        TrackAssert.Same(track, Assert.Single((await Store.Clubs.GetAsync(1, default))!.Tracks));
        Assert.Null(await Store.Clubs.GetAsync(3, default));
    }

    [Fact]
    public async Task Clubs_ArchiveSlug_IsKept_AndFindsOnlyItsClub_UntilItIsChangedOrCleared()
    {
        await Store.Clubs.SaveAsync(Sample.Club(1) with { ArchiveSlug = "slug-one-AAAAAAAAAAAAAAAAAAAA" }, default);
        await Store.Clubs.SaveAsync(Sample.Club(2) with { ArchiveSlug = "slug-two-BBBBBBBBBBBBBBBBBBBB" }, default);
        await Store.Clubs.SaveAsync(Sample.Club(3), default);

        Assert.Equal("slug-one-AAAAAAAAAAAAAAAAAAAA", (await Store.Clubs.GetAsync(1, default))!.ArchiveSlug);
        Assert.Null((await Store.Clubs.GetAsync(3, default))!.ArchiveSlug);
        Assert.Equal(2UL, (await Store.Clubs.FindByArchiveSlugAsync("slug-two-BBBBBBBBBBBBBBBBBBBB", default))!.GuildId);
        Assert.Null(await Store.Clubs.FindByArchiveSlugAsync("SLUG-TWO-BBBBBBBBBBBBBBBBBBBB", default)); // case matters

        await Store.Clubs.SaveAsync(Sample.Club(2), default);
        Assert.Null(await Store.Clubs.FindByArchiveSlugAsync("slug-two-BBBBBBBBBBBBBBBBBBBB", default));
        Assert.Equal(1UL, (await Store.Clubs.FindByArchiveSlugAsync("slug-one-AAAAAAAAAAAAAAAAAAAA", default))!.GuildId);
    }

    [Fact]
    public async Task Picks_OnePerCycle_ListedByTrackAndByGuild()
    {
        var track = TrackId.New();
        var first = Sample.Cycle(track, 1);
        var second = Sample.Cycle(track, 2);
        await Store.Picks.SaveAsync(Sample.Pick(second, number: 2, at: Sample.Now.AddDays(7)), default);
        await Store.Picks.SaveAsync(Sample.Pick(first, number: 1), default);
        await Store.Picks.SaveAsync(Sample.Pick(first, number: 1) with { ThreadId = 6000 }, default);
        await Store.Picks.SaveAsync(Sample.Pick(Sample.Cycle(TrackId.New()), guildId: 2000), default);

        Assert.Equal([1, 2], (await Store.Picks.ListByTrackAsync(track, default)).Select(p => p.CycleNumber));
        Assert.Equal([1, 2], (await Store.Picks.ListByGuildAsync(1000, default)).Select(p => p.CycleNumber));
        Assert.Equal(6000UL, (await Store.Picks.GetByCycleAsync(first.Id, default))!.ThreadId);
        var pick = Sample.Pick(first, number: 1) with { ThreadId = 6000 };
        Assert.Equal(pick with { NominationId = default }, (await Store.Picks.GetByCycleAsync(first.Id, default))! with { NominationId = default });
        Assert.Null(await Store.Picks.GetByCycleAsync(CycleId.New(), default));
    }

    [Fact]
    public async Task Ratings_OnePerMemberPerCycle_ReplacedOnRerate()
    {
        var cycle = Sample.Cycle(TrackId.New());
        await Store.Ratings.UpsertAsync(Sample.Rating(cycle, 10, 6), default);
        await Store.Ratings.UpsertAsync(Sample.Rating(cycle, 10, 9, review: null), default);
        await Store.Ratings.UpsertAsync(Sample.Rating(cycle, 11, 3), default);

        var mine = await Store.Ratings.GetAsync(cycle.Id, 10, default);
        Assert.Equal(9, mine!.Score);
        Assert.Null(mine.Review);
        Assert.Equal([10UL, 11UL], (await Store.Ratings.ListByCycleAsync(cycle.Id, default)).Select(r => r.MemberId));
        Assert.Equal(2, (await Store.Ratings.ListByTrackAsync(cycle.TrackId, default)).Count);
        Assert.Empty(await Store.Ratings.ListByTrackAsync(TrackId.New(), default));
        Assert.Null(await Store.Ratings.GetAsync(cycle.Id, 12, default));
    }

    [Fact]
    public async Task Prompts_SavedInOneGo_AndDrawStateRoundTrips()
    {
        var track = TrackId.New();
        var deck = Enumerable.Range(0, 20).Select(i => Sample.Prompt(track, $"Prompt number {i}?", Sample.Now.AddSeconds(i))).ToList();
        await Store.Prompts.SaveAsync(deck, default);
        await Store.Prompts.SaveAsync([deck[3] with { Removed = true }], default);
        var state = new PromptDrawState { TrackId = track, Round = 2, Drawn = [deck[0].Id, deck[5].Id] };
        await Store.Prompts.SaveDrawStateAsync(state, default);

        var stored = await Store.Prompts.ListByTrackAsync(track, default);
        Assert.Equal(deck.Select(p => p.Id), stored.Select(p => p.Id));
        Assert.True(stored[3].Removed);
        var loaded = await Store.Prompts.GetDrawStateAsync(track, default);
        Assert.Equal(2, loaded!.Round);
        Assert.Equal(state.Drawn, loaded.Drawn);
        Assert.Null(await Store.Prompts.GetDrawStateAsync(TrackId.New(), default));
    }

    [Fact]
    public async Task Outbox_SameIntentTwice_StoresOne_AndSentMessagesLeaveThePendingList()
    {
        var first = Message("pick-announced", "cycle-1", Sample.Now);
        var duplicate = Message("pick-announced", "cycle-1", Sample.Now.AddSeconds(1));
        var other = Message("voting-opened", "cycle-1", Sample.Now.AddSeconds(2));

        var stored = await Task.WhenAll(Store.Outbox.AddOrGetAsync(first, default), Store.Outbox.AddOrGetAsync(duplicate, default));
        await Store.Outbox.AddOrGetAsync(other, default);

        // Both decisions get the one stored intent, whichever of the two reached the store first.
        var kept = Assert.Single(stored.Select(m => m.Id).Distinct());
        Assert.Contains(kept, new[] { first.Id, duplicate.Id });
        first = stored[0];
        Assert.Equal([first.Id, other.Id], (await Store.Outbox.ListPendingAsync(default)).Select(m => m.Id));
        Assert.Equal(first.Id, (await Store.Outbox.FindAsync("pick-announced", "cycle-1", default))!.Id);
        Assert.Null(await Store.Outbox.FindAsync("pick-announced", "cycle-2", default));

        await Store.Outbox.UpdateAsync(first with { Attempts = 1, SentAt = Sample.Now.AddMinutes(1), MessageId = ulong.MaxValue }, default);

        Assert.Equal([other.Id], (await Store.Outbox.ListPendingAsync(default)).Select(m => m.Id));
        var sent = await Store.Outbox.GetAsync(first.Id, default);
        Assert.Equal(ulong.MaxValue, sent!.MessageId);
        Assert.True(sent.IsSent);

        // A post Discord refused for good is kept, with why, but no longer pending.
        await Store.Outbox.UpdateAsync(other with { Attempts = 1, AbandonedAt = Sample.Now.AddMinutes(2), AbandonReason = "403 50007: Cannot send messages to this user" }, default);

        Assert.Empty(await Store.Outbox.ListPendingAsync(default));
        var abandoned = await Store.Outbox.GetAsync(other.Id, default);
        Assert.Equal("403 50007: Cannot send messages to this user", abandoned!.AbandonReason);
        Assert.Equal(Sample.Now.AddMinutes(2), abandoned.AbandonedAt);
        Assert.False(abandoned.IsPending);
    }

    [Fact]
    public async Task Outbox_FiftyProcessesDecidingTheSameIntentAtOnce_StoreOne()
    {
        var messages = Enumerable.Range(0, 50).Select(i => Message("pick-announced", "cycle-7", Sample.Now.AddSeconds(i))).ToList();

        var stored = await Task.WhenAll(messages.Select(m => Task.Run(() => Store.Outbox.AddOrGetAsync(m, default))));

        Assert.Single(stored.Select(m => m.Id).Distinct());
        Assert.Single(await Store.Outbox.ListPendingAsync(default));
    }

    [Fact]
    public async Task Outbox_Claims_LetOneClaimantAtATime_UntilTheOutcomeIsRecordedOrTheClaimExpires()
    {
        var message = await Store.Outbox.AddOrGetAsync(Message("pick-announced", "cycle-3", Sample.Now), default);
        var now = Sample.Now;
        var lease = TimeSpan.FromMinutes(2);

        Assert.Equal(message.Id, (await Store.Outbox.TryClaimAsync(message.Id, "instance-a", now, now + lease, default))?.Id);
        Assert.Null(await Store.Outbox.TryClaimAsync(message.Id, "instance-b", now.AddMinutes(1), now.AddMinutes(1) + lease, default));
        Assert.NotNull(await Store.Outbox.TryClaimAsync(message.Id, "instance-a", now.AddMinutes(1), now.AddMinutes(1) + lease, default));

        // instance-a died mid-attempt: once its claim expired, another takes the post over.
        var later = now.AddMinutes(4);
        Assert.NotNull(await Store.Outbox.TryClaimAsync(message.Id, "instance-b", later, later + lease, default));
        Assert.Null(await Store.Outbox.TryClaimAsync(message.Id, "instance-a", later, later + lease, default));

        // The attempt's outcome ends the claim: anyone may make the next attempt.
        var failed = message.FailedAttempt(later, 0.5);
        await Store.Outbox.UpdateAsync(failed, default);
        Assert.Equal(failed, await Store.Outbox.TryClaimAsync(message.Id, "instance-a", later, later + lease, default));

        // A post sent (or given up) is claimed by nobody.
        await Store.Outbox.UpdateAsync(failed with { Attempts = 2, NextAttemptAt = null, SentAt = later, MessageId = 42 }, default);
        Assert.Null(await Store.Outbox.TryClaimAsync(message.Id, "instance-b", later.AddHours(1), later.AddHours(2), default));
        Assert.Null(await Store.Outbox.TryClaimAsync(Guid.NewGuid(), "instance-b", later, later + lease, default));
    }

    [Fact]
    public async Task Outbox_TwentyProcessesClaimingOnePostAtOnce_OneGetsIt()
    {
        var message = await Store.Outbox.AddOrGetAsync(Message("pick-announced", "cycle-8", Sample.Now), default);

        var claims = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => Store.Outbox.TryClaimAsync(message.Id, $"instance-{i}", Sample.Now, Sample.Now.AddMinutes(2), default))));

        Assert.Single(claims, c => c is not null);
    }

    [Fact]
    public async Task Outbox_UpdateOfAnUnknownMessage_Throws()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.Outbox.UpdateAsync(Message("pick-announced", "nowhere", Sample.Now), default));
    }

    [Fact]
    public async Task Outbox_TrackAndNextAttempt_SurviveARestart()
    {
        var track = TrackId.New();
        var retried = Message("pick-announced", "cycle-1", Sample.Now) with { TrackId = track, ForumPostName = "🎬 Heat — Film Night" };
        await Store.Outbox.AddOrGetAsync(retried, default);
        await Store.Outbox.UpdateAsync(retried with { Attempts = 3, NextAttemptAt = Sample.Now.AddSeconds(8.5) }, default);

        await Store.ReopenAsync();

        var stored = (await Store.Outbox.GetAsync(retried.Id, default))!;
        Assert.Equal(retried with { Attempts = 3, NextAttemptAt = Sample.Now.AddSeconds(8.5) }, stored);
    }

    private static OutboxMessage Message(string kind, string intentKey, DateTimeOffset at)
    {
        var id = Guid.NewGuid();
        return new OutboxMessage
        {
            Id = id,
            Nonce = OutboxMessage.NonceFor(id),
            GuildId = 1000,
            ChannelId = 2000,
            Kind = kind,
            IntentKey = intentKey,
            Payload = "{\"content\":\"🎬 This week's pick\"}",
            CreatedAt = at,
        };
    }
}

public sealed class LiteDbOtherRepositoryContract : OtherRepositoryContract
{
    protected override Task<StoreUnderTest> OpenStoreAsync() => LiteDbStoreUnderTest.OpenAsync();
}

public sealed class PostgresOtherRepositoryContract : OtherRepositoryContract
{
    protected override Task<StoreUnderTest> OpenStoreAsync() => PostgresStoreUnderTest.OpenAsync();
}
