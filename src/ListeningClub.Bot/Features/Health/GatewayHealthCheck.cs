using ListeningClub.Discord.Gateway;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ListeningClub.Bot.Features.Health;

/// <summary>
/// Healthy while the gateway has a live session and Discord acknowledged a heartbeat within
/// <see cref="HealthOptions.MaxHeartbeatAckAge"/> (or the session is younger than that).
/// </summary>
public sealed class GatewayHealthCheck(GatewayClient gateway, TimeProvider time, IOptions<HealthOptions> options) : IHealthCheck
{
    public const string Name = "gateway";

    /// <summary>Data keys: whether a session is live, and seconds since the last heartbeat acknowledgement (null if none yet).</summary>
    public const string ConnectedKey = "connected";
    public const string SecondsSinceHeartbeatAckKey = "secondsSinceHeartbeatAck";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = gateway.Status;
        double? sinceAck = status.LastHeartbeatAckAt == 0 ? null : time.GetElapsedTime(status.LastHeartbeatAckAt).TotalSeconds;
        var data = new Dictionary<string, object> { [ConnectedKey] = status.Connected };
        if (sinceAck is { } seconds)
        {
            data[SecondsSinceHeartbeatAckKey] = seconds;
        }

        var limit = options.Value.MaxHeartbeatAckAge;
        var quiet = time.GetElapsedTime(Math.Max(status.LastHeartbeatAckAt, status.ConnectedAt));
        var result = !status.Connected
            ? HealthCheckResult.Unhealthy("the gateway is not connected", data: data)
            : quiet > limit
                ? HealthCheckResult.Unhealthy($"no heartbeat acknowledged for {quiet.TotalSeconds:0} s (allowed: {limit.TotalSeconds:0} s)", data: data)
                : HealthCheckResult.Healthy("connected", data);
        return Task.FromResult(result);
    }
}
