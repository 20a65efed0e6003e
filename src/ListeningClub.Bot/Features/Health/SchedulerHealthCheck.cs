using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace ListeningClub.Bot.Features.Health;

/// <summary>Healthy while Quartz runs (started, not in standby, not shut down): the tracks' steps and the daily backup fire.</summary>
public sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public const string Name = "scheduler";

    /// <summary>Data key: whether the scheduler runs.</summary>
    public const string RunningKey = "running";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var status = await scheduler.GetStatus(cancellationToken).ConfigureAwait(false);
        var data = new Dictionary<string, object> { [RunningKey] = status == SchedulerStatus.Running };
        return status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy("running", data)
            : HealthCheckResult.Unhealthy($"the scheduler is {status.ToString().ToLowerInvariant()}", data: data);
    }
}
