using ListeningClub.Domain.Common;
using ListeningClub.Domain.Outbox;
using ListeningClub.Domain.Prompts;
using ListeningClub.Storage.Repositories;
using ListeningClub.Storage.Tests.Support;

namespace ListeningClub.Storage.Tests.Repositories;

public sealed class OtherRepositoryTests
{
    [Fact]
    public async Task Clubs_SaveReplaces_AndListReturnsEveryClub()
    {
        await using var test = new TestStore();
        var clubs = new ClubRepository(test.Store);
        await clubs.SaveAsync(Sample.Club(1), default);
        await clubs.SaveAsync(Sample.Club(2), default);

        var track = Sample.Track(1);
        await clubs.SaveAsync(Sample.Club(1, track), default);

        Assert.Equal([1UL, 2UL], (await clubs.ListAsync(default)).Select(c => c.GuildId).Order());
        TrackAssert.Same(track, Assert.Single((await clubs.GetAsync(1, default))!.Tracks));
        Assert.Null(await clubs.GetAsync(3, default));
    }

    [Fact]
    public async Task Clubs_ArchiveSlug_IsKept_AndFindsOnlyItsClub_UntilItIsChangedOrCleared()
    {
        await using var test = new TestStore();
        var clubs = new ClubRepository(test.Store);
        await clubs.SaveAsync(Sample.Club(1) with { ArchiveSlug = "slug-one-AAAAAAAAAAAAAAAAAAAA" }, default);
        await clubs.SaveAsync(Sample.Club(2) with { ArchiveSlug = "slug-two-BBBBBBBBBBBBBBBBBBBB" }, default);
        await clubs.SaveAsync(Sample.Club(3), default);

        Assert.Equal("slug-one-AAAAAAAAAAAAAAAAAAAA", (await clubs.GetAsync(1, default))!.ArchiveSlug);
        Assert.Null((await clubs.GetAsync(3, default))!.ArchiveSlug);
        Assert.Equal(2UL, (await clubs.FindByArchiveSlugAsync("slug-two-BBBBBBBBBBBBBBBBBBBB", default))!.GuildId);
        Assert.Null(await clubs.FindByArchiveSlugAsync("SLUG-TWO-BBBBBBBBBBBBBBBBBBBB", default)); // case matters: the collation is ordinal

        await clubs.SaveAsync(Sample.Club(2), default);
        Assert.Null(await clubs.FindByArchiveSlugAsync("slug-two-BBBBBBBBBBBBBBBBBBBB", default));
        Assert.Equal(1UL, (await clubs.FindByArchiveSlugAsync("slug-one-AAAAAAAAAAAAAAAAAAAA", default))!.GuildId);
    }

    [Fact]
    public async Task Picks_OnePerCycle_ListedByTrackAndByGuild()
    {
        await using var test = new TestStore();
        var picks = new PickRepository(test.Store);
        var track = TrackId.New();
        var first = Sample.Cycle(track, 1);
        var second = Sample.Cycle(track, 2);
        await picks.SaveAsync(Sample.Pick(second, number: 2, at: Sample.Now.AddDays(7)), default);
        await picks.SaveAsync(Sample.Pick(first, number: 1), default);
        await picks.SaveAsync(Sample.Pick(first, number: 1) with { ThreadId = 6000 }, default);
        await picks.SaveAsync(Sample.Pick(Sample.Cycle(TrackId.New()), guildId: 2000), default);

        Assert.Equal([1, 2], (await picks.ListByTrackAsync(track, default)).Select(p => p.CycleNumber));
        Assert.Equal([1, 2], (await picks.ListByGuildAsync(1000, default)).Select(p => p.CycleNumber));
        Assert.Equal(6000UL, (await picks.GetByCycleAsync(first.Id, default))!.ThreadId);
        var pick = Sample.Pick(first, number: 1) with { ThreadId = 6000 };
        Assert.Equal(pick with { NominationId = default }, (await picks.GetByCycleAsync(first.Id, default))! with { NominationId = default });
    }

    [Fact]
    public async Task Ratings_OnePerMemberPerCycle_ReplacedOnRerate()
    {
        await using var test = new TestStore();
        var ratings = new RatingRepository(test.Store);
        var cycle = Sample.Cycle(TrackId.New());
        await ratings.UpsertAsync(Sample.Rating(cycle, 10, 6), default);
        await ratings.UpsertAsync(Sample.Rating(cycle, 10, 9, review: null), default);
        await ratings.UpsertAsync(Sample.Rating(cycle, 11, 3), default);

        var mine = await ratings.GetAsync(cycle.Id, 10, default);
        Assert.Equal(9, mine!.Score);
        Assert.Null(mine.Review);
        Assert.Equal(2, (await ratings.ListByCycleAsync(cycle.Id, default)).Count);
        Assert.Equal(2, (await ratings.ListByTrackAsync(cycle.TrackId, default)).Count);
        Assert.Empty(await ratings.ListByTrackAsync(TrackId.New(), default));
    }

    [Fact]
    public async Task Prompts_SavedInOneGo_AndDrawStateRoundTrips()
    {
        await using var test = new TestStore();
        var prompts = new PromptRepository(test.Store);
        var track = TrackId.New();
        var deck = Enumerable.Range(0, 20).Select(i => Sample.Prompt(track, $"Prompt number {i}?", Sample.Now.AddSeconds(i))).ToList();
        await prompts.SaveAsync(deck, default);
        await prompts.SaveAsync([deck[3] with { Removed = true }], default);
        var state = new PromptDrawState { TrackId = track, Round = 2, Drawn = [deck[0].Id, deck[5].Id] };
        await prompts.SaveDrawStateAsync(state, default);

        var stored = await prompts.ListByTrackAsync(track, default);
        Assert.Equal(deck.Select(p => p.Id), stored.Select(p => p.Id));
        Assert.True(stored[3].Removed);
        var loaded = await prompts.GetDrawStateAsync(track, default);
        Assert.Equal(2, loaded!.Round);
        Assert.Equal(state.Drawn, loaded.Drawn);
        Assert.Null(await prompts.GetDrawStateAsync(TrackId.New(), default));
    }

    [Fact]
    public async Task Outbox_SameIntentTwice_StoresOne_AndSentMessagesLeaveThePendingList()
    {
        await using var test = new TestStore();
        var outbox = new OutboxRepository(test.Store);
        var first = Message("pick-announced", "cycle-1", Sample.Now);
        var duplicate = Message("pick-announced", "cycle-1", Sample.Now.AddSeconds(1));
        var other = Message("voting-opened", "cycle-1", Sample.Now.AddSeconds(2));

        var stored = await Task.WhenAll(outbox.AddOrGetAsync(first, default), outbox.AddOrGetAsync(duplicate, default));
        await outbox.AddOrGetAsync(other, default);

        Assert.Equal(first.Id, stored[0].Id);
        Assert.Equal(first.Id, stored[1].Id);
        Assert.Equal([first.Id, other.Id], (await outbox.ListPendingAsync(default)).Select(m => m.Id));

        await outbox.UpdateAsync(first with { Attempts = 1, SentAt = Sample.Now.AddMinutes(1), MessageId = ulong.MaxValue }, default);

        Assert.Equal([other.Id], (await outbox.ListPendingAsync(default)).Select(m => m.Id));
        var sent = await outbox.GetAsync(first.Id, default);
        Assert.Equal(ulong.MaxValue, sent!.MessageId);
        Assert.True(sent.IsSent);

        // A post Discord refused for good is kept, with why, but no longer pending.
        await outbox.UpdateAsync(other with { Attempts = 1, AbandonedAt = Sample.Now.AddMinutes(2), AbandonReason = "403 50007: Cannot send messages to this user" }, default);

        Assert.Empty(await outbox.ListPendingAsync(default));
        var abandoned = await outbox.GetAsync(other.Id, default);
        Assert.Equal("403 50007: Cannot send messages to this user", abandoned!.AbandonReason);
        Assert.Equal(Sample.Now.AddMinutes(2), abandoned.AbandonedAt);
        Assert.False(abandoned.IsPending);
    }

    [Fact]
    public async Task Outbox_TrackAndNextAttempt_SurviveAReopen_AndOlderDocumentsWithoutThemReadAsNone()
    {
        await using var test = new TestStore();
        var outbox = new OutboxRepository(test.Store);
        var track = TrackId.New();
        var retried = Message("pick-announced", "cycle-1", Sample.Now) with { TrackId = track };
        await outbox.AddOrGetAsync(retried, default);
        await outbox.UpdateAsync(retried with { Attempts = 3, NextAttemptAt = Sample.Now.AddSeconds(8.5) }, default);

        // As a version before these fields wrote it.
        var older = Message("voting-opened", "cycle-1", Sample.Now);
        await outbox.AddOrGetAsync(older, default);
        await test.Store.WriteAsync(db =>
        {
            var collection = db.GetCollection("outbox");
            var document = collection.FindById(older.Id);
            document.Remove("trackId");
            document.Remove("nextAttemptAt");
            collection.Update(document);
        });
        await test.ReopenAsync();
        outbox = new OutboxRepository(test.Store);

        var stored = (await outbox.GetAsync(retried.Id, default))!;
        Assert.Equal(track, stored.TrackId);
        Assert.Equal(3, stored.Attempts);
        Assert.Equal(Sample.Now.AddSeconds(8.5), stored.NextAttemptAt);
        var old = (await outbox.GetAsync(older.Id, default))!;
        Assert.Null(old.TrackId);
        Assert.Null(old.NextAttemptAt);
        Assert.True(old.IsDueAt(Sample.Now));
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
