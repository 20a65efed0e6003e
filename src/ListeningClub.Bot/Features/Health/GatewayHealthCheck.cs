using ListeningClub.Discord.Gateway;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ListeningClub.Bot.Features.Health;

/// <summary>
/// Healthy while every gateway shard of the process has a live session and Discord acknowledged a heartbeat on each
/// within <see cref="HealthOptions.MaxHeartbeatAckAge"/> (or its session is younger than that).
/// </summary>
public sealed class GatewayHealthCheck(GatewayShards gateway, TimeProvider time, IOptions<HealthOptions> options) : IHealthCheck
{
    public const string Name = "gateway";

    /// <summary>Data keys: whether a session is live, and seconds since the last heartbeat acknowledgement (null if none yet).</summary>
    public const string ConnectedKey = "connected";
    public const string SecondsSinceHeartbeatAckKey = "secondsSinceHeartbeatAck";

    public const string ShardsKey = "shards";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Each shard on its own: one silent shard is unhealthy even while the others are fine.
        var statuses = gateway.Clients.Select(c => c.Status).ToList();
        var connected = statuses.Count > 0 && statuses.All(s => s.Connected);
        var data = new Dictionary<string, object> { [ConnectedKey] = connected, [ShardsKey] = statuses.Count };
        var acked = statuses.Where(s => s.LastHeartbeatAckAt != 0).ToList();
        if (acked.Count > 0)
        {
            data[SecondsSinceHeartbeatAckKey] = acked.Max(s => time.GetElapsedTime(s.LastHeartbeatAckAt).TotalSeconds);
        }

        var limit = options.Value.MaxHeartbeatAckAge;
        var quiet = statuses.Count == 0 ? TimeSpan.Zero : statuses.Max(s => time.GetElapsedTime(Math.Max(s.LastHeartbeatAckAt, s.ConnectedAt)));
        var down = statuses.Count(s => !s.Connected);
        var result = !connected
            ? HealthCheckResult.Unhealthy(statuses.Count <= 1 ? "the gateway is not connected" : $"{down} of {statuses.Count} gateway shards are not connected", data: data)
            : quiet > limit
                ? HealthCheckResult.Unhealthy($"no heartbeat acknowledged for {quiet.TotalSeconds:0} s (allowed: {limit.TotalSeconds:0} s)", data: data)
                : HealthCheckResult.Healthy(statuses.Count == 1 ? "connected" : $"{statuses.Count} shards connected", data);
        return Task.FromResult(result);
    }
}
