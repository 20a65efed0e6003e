using LiteDB;
using ListeningClub.Storage.Engine;
using ListeningClub.Storage.Tests.Support;

namespace ListeningClub.Storage.Tests.Engine;

/// <summary>
/// The writer, not LiteDB, decides when the log is folded into the data file: after the writer has been idle for a
/// while, or at once when the log reaches its size limit under sustained load. Time only moves with the fake clock.
/// </summary>
public sealed class CheckpointPolicyTests
{
    private const string Items = "items";
    private const int IdleMilliseconds = 1000;

    [Fact]
    public async Task IdleWriter_CheckpointsAfterTheIdleDelay_AndTheWritesSurviveAReopen()
    {
        await using var test = new TestStore(configure: options => options.IdleCheckpointMilliseconds = IdleMilliseconds);
        var checkpoint = NextCheckpoint(test);
        await WriteItemsAsync(test, 1, 20);
        Assert.True(LogLength(test) > 0);

        test.Time.Advance(TimeSpan.FromMilliseconds(IdleMilliseconds));

        Assert.Equal(CheckpointReason.Idle, await checkpoint);
        Assert.Equal(0, LogLength(test));
        await test.ReopenAsync();
        Assert.Equal(20, test.Store.Read(db => db.GetCollection(Items).Count()));
    }

    [Fact]
    public async Task IdleCheckpoint_WaitsForTheWholeDelay_AndEachWriteStartsItAgain()
    {
        await using var test = new TestStore(configure: options => options.IdleCheckpointMilliseconds = IdleMilliseconds);
        var checkpoints = 0;
        test.Store.Checkpointed += _ => Interlocked.Increment(ref checkpoints);
        await WriteItemsAsync(test, 1, 1);

        test.Time.Advance(TimeSpan.FromMilliseconds(IdleMilliseconds - 1));
        await WriteItemsAsync(test, 2, 1);
        test.Time.Advance(TimeSpan.FromMilliseconds(IdleMilliseconds - 1));

        // Neither write was followed by a full idle delay: the log is still there, nothing was checkpointed.
        Assert.Equal(0, Volatile.Read(ref checkpoints));
        Assert.True(LogLength(test) > 0);

        var checkpoint = NextCheckpoint(test);
        test.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(CheckpointReason.Idle, await checkpoint);
        Assert.Equal(0, LogLength(test));
    }

    [Fact]
    public async Task SustainedWrites_NeverGrowTheLogPastItsLimitByMoreThanOneCommit()
    {
        const int LimitPages = 20;
        await using var test = new TestStore(configure: options => options.CheckpointPages = LimitPages);
        var full = 0;
        test.Store.Checkpointed += reason => Interlocked.Add(ref full, reason == CheckpointReason.LogFull ? 1 : 0);

        // ~300 pages of log in commits of one 3 KB document each (a few pages per commit); the clock never moves,
        // so no idle checkpoint can help.
        for (var i = 0; i < 100; i++)
        {
            await test.Store.WriteAsync(db => db.GetCollection(Items).Insert(new BsonDocument { ["_id"] = i, ["text"] = new string('x', 3000) }));
        }

        Assert.True(Volatile.Read(ref full) >= 5, $"expected the log limit to force checkpoints, saw {full}");
        Assert.InRange(test.Store.LargestLogBytes, 1, (LimitPages + 8) * DurableFileStream.PageSize);
        await test.ReopenAsync();
        Assert.Equal(100, test.Store.Read(db => db.GetCollection(Items).Count()));
    }

    [Fact]
    public async Task LiteDbAutoCheckpoint_IsOff_SoALogPastLiteDbsDefaultIsKeptUntilTheWriterDecides()
    {
        await using var test = new TestStore(configure: options => options.CheckpointPages = 100_000);
        var checkpoints = 0;
        test.Store.Checkpointed += _ => Interlocked.Increment(ref checkpoints);

        // LiteDB would checkpoint by itself inside the commit that passes 1,000 pages; 40 commits of ~30 pages pass it.
        for (var i = 0; i < 40; i++)
        {
            await test.Store.WriteAsync(db => db.GetCollection(Items).Insert(new BsonDocument { ["_id"] = i, ["blob"] = new byte[240_000] }));
        }

        Assert.True(LogLength(test) > 1000L * DurableFileStream.PageSize, $"log is only {LogLength(test)} bytes");
        Assert.Equal(0, Volatile.Read(ref checkpoints));
        Assert.Equal(0, test.Store.Read(db => db.CheckpointSize));
    }

    private static Task<CheckpointReason> NextCheckpoint(TestStore test)
    {
        var next = new TaskCompletionSource<CheckpointReason>(TaskCreationOptions.RunContinuationsAsynchronously);
        test.Store.Checkpointed += reason => next.TrySetResult(reason);
        return next.Task;
    }

    private static async Task WriteItemsAsync(TestStore test, int first, int count) =>
        await Task.WhenAll(Enumerable.Range(first, count)
            .Select(i => test.Store.WriteAsync(db => db.GetCollection(Items).Insert(new BsonDocument { ["_id"] = i }))));

    private static long LogLength(TestStore test) => new FileInfo(DatabaseFiles.LogPathFor(test.Store.DatabasePath)).Length;
}
