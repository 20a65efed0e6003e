using LiteDB;
using ListeningClub.Storage.Tests.Support;

namespace ListeningClub.Storage.Tests.Engine;

public sealed class SingleWriterTests
{
    private const string Items = "items";

    [Fact]
    public async Task Write_IsVisibleToReadersOnceAcknowledged()
    {
        await using var test = new TestStore();

        await test.Store.WriteAsync(db => db.GetCollection(Items).Insert(new BsonDocument { ["_id"] = 1, ["v"] = "a" }));

        var read = test.Store.Read(db => db.GetCollection(Items).FindById(1));
        Assert.Equal("a", read["v"].AsString);
    }

    [Fact]
    public async Task FailingWrite_InABatch_FailsOnlyItsCallerAndTheOthersCommit()
    {
        await using var test = new TestStore();
        using var gate = new ManualResetEventSlim();
        var blocker = await test.Store.BlockWriterAsync(gate);

        // All of these queue up behind the blocker, so they run as one batch.
        var good1 = test.Store.WriteAsync(db => db.GetCollection(Items).Insert(new BsonDocument { ["_id"] = 1 }));
        var bad = test.Store.WriteAsync(db =>
        {
            db.GetCollection(Items).Insert(new BsonDocument { ["_id"] = 2 });
            throw new InvalidOperationException("this write is broken");
        });
        var good2 = test.Store.WriteAsync(db => db.GetCollection(Items).Insert(new BsonDocument { ["_id"] = 3 }));
        var duplicate = test.Store.WriteAsync(db => db.GetCollection(Items).Insert(new BsonDocument { ["_id"] = 1 }));
        gate.Set();
        await blocker;

        await good1;
        await good2;
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => bad);
        Assert.Equal("this write is broken", error.Message);
        await Assert.ThrowsAsync<LiteException>(() => duplicate);
        var ids = test.Store.Read(db => db.GetCollection(Items).FindAll().Select(d => d["_id"].AsInt32).Order().ToList());
        Assert.Equal([1, 3], ids);
    }

    [Fact]
    public async Task QueuedWrites_AreCommittedTogether_InOneTransaction()
    {
        await using var test = new TestStore();
        using var gate = new ManualResetEventSlim();
        var blocker = await test.Store.BlockWriterAsync(gate);
        var commitsBefore = test.Store.Commits;

        var writes = Enumerable.Range(1, 100)
            .Select(i => test.Store.WriteAsync(db => db.GetCollection(Items).Insert(new BsonDocument { ["_id"] = i })))
            .ToList();
        gate.Set();
        await blocker;
        await Task.WhenAll(writes);

        Assert.Equal(1, test.Store.Commits - commitsBefore);
        Assert.Equal(100, test.Store.Read(db => db.GetCollection(Items).Count()));
    }

    [Fact]
    public async Task Batches_NeverExceedMaxBatchSize()
    {
        await using var test = new TestStore(configure: options => options.MaxBatchSize = 10);
        using var gate = new ManualResetEventSlim();
        var blocker = await test.Store.BlockWriterAsync(gate);
        var commitsBefore = test.Store.Commits;

        var writes = Enumerable.Range(1, 100)
            .Select(i => test.Store.WriteAsync(db => db.GetCollection(Items).Insert(new BsonDocument { ["_id"] = i })))
            .ToList();
        gate.Set();
        await blocker;
        await Task.WhenAll(writes);

        Assert.Equal(10, test.Store.Commits - commitsBefore);
    }

    [Fact]
    public async Task Reads_DoNotWaitForABusyWriter()
    {
        await using var test = new TestStore();
        await test.Store.WriteAsync(db => db.GetCollection(Items).Insert(new BsonDocument { ["_id"] = 1 }));
        using var gate = new ManualResetEventSlim();

        // The writer is busy outside LiteDB (as while a commit waits for the disk), with a write queued behind it...
        var busy = await test.Store.BlockWriterAsync(gate);
        var queued = test.Store.WriteAsync(db => db.GetCollection(Items).Insert(new BsonDocument { ["_id"] = 2 }));

        // ...and a reader still gets the last committed state at once.
        var count = await Task.Run(() => test.Store.Read(db => db.GetCollection(Items).Count()));
        Assert.Equal(1, count);

        gate.Set();
        await busy;
        await queued;
        Assert.Equal(2, test.Store.Read(db => db.GetCollection(Items).Count()));
    }

    [Fact]
    public async Task CancelledBeforeItRuns_IsNotApplied()
    {
        await using var test = new TestStore();
        using var gate = new ManualResetEventSlim();
        var blocker = await test.Store.BlockWriterAsync(gate);
        using var cancel = new CancellationTokenSource();

        var write = test.Store.WriteAsync(db => db.GetCollection(Items).Insert(new BsonDocument { ["_id"] = 1 }), cancel.Token);
        await cancel.CancelAsync();
        gate.Set();
        await blocker;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => write);
        Assert.Equal(0, test.Store.Read(db => db.GetCollection(Items).Count()));
    }

    [Fact]
    public async Task Dispose_DrainsQueuedWrites_AndLaterWritesAreRefused()
    {
        using var folder = new TempFolder();
        var test = new TestStore(folder.Path);
        using var gate = new ManualResetEventSlim();
        var blocker = await test.Store.BlockWriterAsync(gate);
        var writes = Enumerable.Range(1, 50)
            .Select(i => test.Store.WriteAsync(db => db.GetCollection(Items).Insert(new BsonDocument { ["_id"] = i })))
            .ToList();
        var store = test.Store;

        var closing = test.DisposeAsync().AsTask();
        gate.Set();
        await blocker;
        await closing;

        await Task.WhenAll(writes);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.WriteAsync(db => db.GetCollection(Items).Insert(new BsonDocument { ["_id"] = 99 })));
        await using var reopened = new TestStore(folder.Path);
        Assert.Equal(50, reopened.Store.Read(db => db.GetCollection(Items).Count()));
    }

    [Fact]
    public async Task Checkpoint_RunsAfterEarlierWrites_AndLeavesTheLogEmpty()
    {
        await using var test = new TestStore();
        var writes = Enumerable.Range(1, 20)
            .Select(i => test.Store.WriteAsync(db => db.GetCollection(Items).Insert(new BsonDocument { ["_id"] = i })))
            .ToList();

        await test.Store.CheckpointAsync();

        Assert.All(writes, write => Assert.True(write.IsCompletedSuccessfully));
        Assert.Equal(0, new FileInfo(ListeningClub.Storage.Engine.DatabaseFiles.LogPathFor(test.Store.DatabasePath)).Length);
    }

    [Fact]
    public async Task EveryCommit_WritesOneConfirmPage_AndTwoFsyncs()
    {
        // Guards the group-commit log protocol against a misread of LiteDB's page format:
        // one confirmed page per committed transaction, an fsync before it and one after it.
        await using var test = new TestStore();
        var commits = test.Store.Commits;
        var confirms = test.Store.LogConfirmPages;
        var fsyncs = test.Store.LogFsyncs;

        for (var i = 0; i < 10; i++)
        {
            await test.Store.WriteAsync(db => db.GetCollection(Items).Insert(new BsonDocument { ["_id"] = i, ["text"] = new string('x', 3000) }));
        }

        Assert.Equal(10, test.Store.Commits - commits);
        Assert.Equal(10, test.Store.LogConfirmPages - confirms);
        Assert.Equal(20, test.Store.LogFsyncs - fsyncs);
    }
}
