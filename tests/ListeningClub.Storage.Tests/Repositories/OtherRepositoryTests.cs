using ListeningClub.Domain.Common;
using ListeningClub.Domain.Outbox;
using ListeningClub.Storage.Repositories;
using ListeningClub.Storage.Tests.Support;

namespace ListeningClub.Storage.Tests.Repositories;

public sealed class OtherRepositoryTests
{
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
