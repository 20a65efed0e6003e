using ListeningClub.Application.Locks;

namespace ListeningClub.Application.Tests.Locks;

public sealed class AsyncReaderWriterLockTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Readers_GoInSideBySide()
    {
        var gate = new AsyncReaderWriterLock();
        using var first = await gate.EnterReadAsync(None);
        var second = gate.EnterReadAsync(None);
        Assert.True(second.IsCompletedSuccessfully);
        (await second).Dispose();
    }

    [Fact]
    public async Task Writer_WaitsForTheReadersInside_AndKeepsNewReadersOutUntilItIsDone()
    {
        var gate = new AsyncReaderWriterLock();
        var reader = await gate.EnterReadAsync(None);
        var writer = gate.EnterWriteAsync(None);
        var lateReader = gate.EnterReadAsync(None);
        Assert.False(writer.IsCompleted);
        Assert.False(lateReader.IsCompleted);

        reader.Dispose();
        var held = await writer;
        Assert.False(lateReader.IsCompleted);

        held.Dispose();
        (await lateReader).Dispose();
    }

    [Fact]
    public async Task Writers_GoInTheOrderTheyAsked()
    {
        var gate = new AsyncReaderWriterLock();
        var order = new List<int>();
        var first = await gate.EnterWriteAsync(None);
        var waiting = Enumerable.Range(1, 3).Select(async i =>
        {
            using (await gate.EnterWriteAsync(None))
            {
                lock (order)
                {
                    order.Add(i);
                }
            }
        }).ToList();

        first.Dispose();
        await Task.WhenAll(waiting);
        Assert.Equal([1, 2, 3], order);
    }

    [Fact]
    public async Task CancelledWriter_LeavesTheLine_AndTheReadersItKeptOutGoIn()
    {
        var gate = new AsyncReaderWriterLock();
        var reader = await gate.EnterReadAsync(None);
        using var cancel = new CancellationTokenSource();
        var writer = gate.EnterWriteAsync(cancel.Token);
        var keptOut = gate.EnterReadAsync(None);
        Assert.False(keptOut.IsCompleted);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writer);
        (await keptOut).Dispose();
        reader.Dispose();

        // Nothing of the cancelled writer is left behind: the next writer goes straight in.
        var next = gate.EnterWriteAsync(None);
        Assert.True(next.IsCompletedSuccessfully);
        (await next).Dispose();
    }

    [Fact]
    public async Task CancelledReader_LeavesTheLine_AndTakesNoPlaceInside()
    {
        var gate = new AsyncReaderWriterLock();
        var writer = await gate.EnterWriteAsync(None);
        using var cancel = new CancellationTokenSource();
        var reader = gate.EnterReadAsync(cancel.Token);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reader);
        writer.Dispose();

        var next = gate.EnterWriteAsync(None);
        Assert.True(next.IsCompletedSuccessfully);
        (await next).Dispose();
    }

    [Fact]
    public async Task ManyCallersAtOnce_AWriterIsNeverInsideWithAnyoneElse()
    {
        var gate = new AsyncReaderWriterLock();
        var readersInside = 0;
        var writersInside = 0;
        var violations = 0;
        var workers = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 500; i++)
            {
                using var cancel = new CancellationTokenSource();
                if ((i + worker) % 7 == 0)
                {
                    await cancel.CancelAsync(); // some give up before they get in
                }

                var write = (i + worker) % 3 == 0;
                IDisposable held;
                try
                {
                    held = write ? await gate.EnterWriteAsync(cancel.Token) : await gate.EnterReadAsync(cancel.Token);
                }
                catch (OperationCanceledException)
                {
                    continue;
                }

                using (held)
                {
                    if (write)
                    {
                        if (Interlocked.Increment(ref writersInside) != 1 || Volatile.Read(ref readersInside) != 0)
                        {
                            Interlocked.Increment(ref violations);
                        }

                        await Task.Yield();
                        Interlocked.Decrement(ref writersInside);
                    }
                    else
                    {
                        Interlocked.Increment(ref readersInside);
                        if (Volatile.Read(ref writersInside) != 0)
                        {
                            Interlocked.Increment(ref violations);
                        }

                        await Task.Yield();
                        Interlocked.Decrement(ref readersInside);
                    }
                }
            }
        })).ToList();

        await Task.WhenAll(workers);
        Assert.Equal(0, violations);
        (await gate.EnterWriteAsync(None)).Dispose();
    }
}
