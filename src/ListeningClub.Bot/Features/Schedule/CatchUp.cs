using System.Threading.Channels;
using ListeningClub.Bot.Posting;
using ListeningClub.Discord.Gateway;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ListeningClub.Bot.Features.Schedule;

/// <summary>Catch-up passes asked for after start (each READY from the gateway: the bot may have been cut off from Discord).</summary>
internal sealed class CatchUpRequests
{
    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Request() => _requests.Writer.TryWrite(true);

    public IAsyncEnumerable<bool> ReadAllAsync(CancellationToken ct) => _requests.Reader.ReadAllAsync(ct);
}

/// <summary>On READY (a new gateway session, after a start or a long disconnection), asks for a catch-up pass; it never blocks the gateway.</summary>
internal sealed class CatchUpOnReady(CatchUpRequests requests) : IGatewayDispatchHandler
{
    public bool Wants(string eventName) => eventName == "READY";

    public Task HandleAsync(GatewayDispatch dispatch, CancellationToken ct)
    {
        requests.Request();
        return Task.CompletedTask;
    }
}

/// <summary>
/// The catch-up pass, at start and after every READY: send what the outbox still holds now, without waiting for each
/// post's next attempt (Discord may have been out of reach), then run every track's overdue steps and arm its next
/// one. Passes never overlap.
/// </summary>
internal sealed partial class CatchUp(OutboxDispatcher outbox, TrackTriggers triggers, CatchUpRequests requests, IHostApplicationLifetime lifetime, ILogger<CatchUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
        }

        await CatchUpAsync(stoppingToken).ConfigureAwait(false);
        await foreach (var _ in requests.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            await CatchUpAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task CatchUpAsync(CancellationToken stoppingToken)
    {
        var flushed = await outbox.FlushAsync(stoppingToken).ConfigureAwait(false);
        if (flushed > 0)
        {
            LogFlushed(logger, flushed);
        }

        await triggers.RebuildAsync(stoppingToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} posts decided earlier that had not gone out")]
    private static partial void LogFlushed(ILogger logger, int count);
}
