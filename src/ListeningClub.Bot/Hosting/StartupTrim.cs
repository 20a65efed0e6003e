using Microsoft.Extensions.Hosting;

namespace ListeningClub.Bot.Hosting;

/// <summary>
/// Start-up (READY with every guild, the catch-up pass over every track) allocates a burst that an idle bot would
/// otherwise keep resident for hours, because nothing allocates enough afterwards to trigger a full collection.
/// Once, shortly after start, this runs one compacting collection that also returns the freed memory to the OS.
/// </summary>
internal sealed class StartupTrim(IHostApplicationLifetime lifetime, TimeProvider time) : BackgroundService
{
    internal static readonly TimeSpan Delay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
        }

        await Task.Delay(Delay, time, stoppingToken).ConfigureAwait(false);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
