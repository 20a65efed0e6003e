using ListeningClub.Discord.Gateway;
using ListeningClub.Storage.Engine;
using Microsoft.Extensions.Options;
using Quartz;

namespace ListeningClub.Bot.Features.Health;

/// <summary>
/// Gathers the health facts: the gateway has a live session and Discord acknowledged a heartbeat recently (or the
/// session is younger than the allowed age), the data folder and the single writer take work, and Quartz runs.
/// </summary>
public sealed class HealthProbe(GatewayClient gateway, IStorageMaintenance storage, ISchedulerFactory schedulers, TimeProvider time, IOptions<HealthOptions> options)
{
    private static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(5);

    public async Task<HealthReport> CheckAsync(CancellationToken ct)
    {
        var status = gateway.Status;
        double? sinceAck = status.LastHeartbeatAckAt == 0 ? null : time.GetElapsedTime(status.LastHeartbeatAckAt).TotalSeconds;
        var freshest = Math.Max(status.LastHeartbeatAckAt, status.ConnectedAt);
        var fresh = status.Connected && time.GetElapsedTime(freshest) <= options.Value.MaxHeartbeatAckAge;

        using var deadline = new CancellationTokenSource(StoreTimeout, time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        (bool Writable, string? Problem) store;
        try
        {
            store = await storage.ProbeAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            store = (false, $"the writer did not answer within {StoreTimeout.TotalSeconds:0} s");
        }

        var scheduler = await schedulers.GetScheduler(ct).ConfigureAwait(false);
        var running = await scheduler.GetStatus(ct).ConfigureAwait(false) == SchedulerStatus.Running;
        return new HealthReport(status.Connected, sinceAck, fresh, store.Writable, running, store.Problem);
    }
}
