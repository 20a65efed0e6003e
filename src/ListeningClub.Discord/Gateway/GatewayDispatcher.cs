using ListeningClub.Discord.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ListeningClub.Discord.Gateway;

/// <summary>
/// Reads dispatches from the channel and runs their handlers concurrently (bounded), each dispatch in its own
/// DI scope. A handler that throws is logged; the loop goes on. When stopped it takes no new dispatch and waits for
/// the running ones to finish.
/// </summary>
public sealed partial class GatewayDispatcher(
    GatewayDispatchChannel channel,
    IServiceScopeFactory scopes,
    IOptions<DiscordOptions> options,
    ILogger<GatewayDispatcher> logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var max = options.Value.MaxConcurrentDispatches;
        using var slots = new SemaphoreSlim(max);
        try
        {
            await foreach (var dispatch in channel.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                await slots.WaitAsync(ct).ConfigureAwait(false);
                _ = Task.Run(
                    async () =>
                    {
                        try
                        {
                            // Not cancelled by shutdown: a dispatch already taken runs to the end (a vote being
                            // stored is stored and answered); the host's shutdown timeout bounds the wait.
                            await HandleAsync(dispatch, CancellationToken.None).ConfigureAwait(false);
                        }
                        finally
                        {
                            slots.Release();
                        }
                    },
                    CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down.
        }

        // Let running handlers finish before the semaphore goes away.
        for (var i = 0; i < max; i++)
        {
            await slots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Runs every interested handler for one dispatch in one new scope.</summary>
    public async Task HandleAsync(GatewayDispatch dispatch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            foreach (var handler in scope.ServiceProvider.GetServices<IGatewayDispatchHandler>())
            {
                if (!handler.Wants(dispatch.Name))
                {
                    continue;
                }

                try
                {
                    await handler.HandleAsync(dispatch, ct).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // A failing handler must never kill the dispatch loop; it is logged.
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
#pragma warning restore CA1031
                {
                    LogHandlerFailed(logger, ex, handler.GetType().Name, dispatch.Name, dispatch.Sequence);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Handler} failed on {EventName} #{Sequence}")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string handler, string eventName, int sequence);
}
