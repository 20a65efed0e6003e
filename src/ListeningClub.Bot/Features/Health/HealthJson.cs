using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ListeningClub.Bot.Features.Health;

/// <summary>
/// <c>/healthz</c>'s body from the checks' report: the facts at the top level (<c>status</c>, <c>gatewayConnected</c>,
/// <c>secondsSinceHeartbeatAck</c>, <c>storeWritable</c>, <c>storeProblem</c> when there is one, <c>schedulerRunning</c>),
/// then <c>checks</c>: each check's status, what it found and how long it took. A check that failed to run counts as
/// unhealthy and its facts as false.
/// </summary>
public static class HealthJson
{
    public static bool IsHealthy(HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Status == HealthStatus.Healthy;
    }

    public static byte[] Write(HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("status", Status(report.Status));
            json.WriteBoolean("gatewayConnected", Fact(report, GatewayHealthCheck.Name, GatewayHealthCheck.ConnectedKey) is true);
            if (Fact(report, GatewayHealthCheck.Name, GatewayHealthCheck.SecondsSinceHeartbeatAckKey) is double seconds)
            {
                json.WriteNumber("secondsSinceHeartbeatAck", Math.Round(seconds, 1));
            }
            else
            {
                json.WriteNull("secondsSinceHeartbeatAck");
            }

            json.WriteBoolean("storeWritable", Fact(report, StoreHealthCheck.Name, StoreHealthCheck.WritableKey) is true);
            if (Fact(report, StoreHealthCheck.Name, StoreHealthCheck.ProblemKey) is string problem)
            {
                json.WriteString("storeProblem", problem);
            }

            json.WriteBoolean("schedulerRunning", Fact(report, SchedulerHealthCheck.Name, SchedulerHealthCheck.RunningKey) is true);
            json.WriteStartObject("checks");
            foreach (var (name, entry) in report.Entries)
            {
                json.WriteStartObject(name);
                json.WriteString("status", Status(entry.Status));
                json.WriteString("description", entry.Description ?? entry.Exception?.Message ?? "");
                json.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds, 1));
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static string Status(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };

    private static object? Fact(HealthReport report, string check, string key) =>
        report.Entries.TryGetValue(check, out var entry) && entry.Data.TryGetValue(key, out var value) ? value : null;
}
