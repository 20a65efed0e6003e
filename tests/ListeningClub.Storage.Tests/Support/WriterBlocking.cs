using ListeningClub.Storage.Engine;

namespace ListeningClub.Storage.Tests.Support;

internal static class WriterBlocking
{
    /// <summary>
    /// Occupies the writer thread (outside any transaction) until <paramref name="gate"/> is set, so writes queued
    /// meanwhile wait behind it together. Returns once the writer is held; await the returned task after setting the gate.
    /// </summary>
    public static async Task<Task> BlockWriterAsync(this LiteStore store, ManualResetEventSlim gate)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var blocked = store.ExclusiveAsync(_ =>
        {
            started.SetResult();
            gate.Wait();
            return true;
        });
        await started.Task;
        return blocked;
    }
}
