using System.Text.Json.Nodes;
using ListeningClub.Bot.Features.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ListeningClub.Bot.Tests.Features.Health;

/// <summary>/healthz's body as monitoring reads it: the same top-level facts as before the health checks, plus each check.</summary>
public sealed class HealthJsonTests
{
    [Fact]
    public void StoreThatCannotBeWritten_IsUnhealthy_WithItsProblem_AndTheOtherFactsStillTrue()
    {
        var report = Report(
            (GatewayHealthCheck.Name, HealthCheckResult.Healthy("connected", new Dictionary<string, object> { [GatewayHealthCheck.ConnectedKey] = true, [GatewayHealthCheck.SecondsSinceHeartbeatAckKey] = 12.44 })),
            (StoreHealthCheck.Name, HealthCheckResult.Unhealthy("disk full", data: new Dictionary<string, object> { [StoreHealthCheck.WritableKey] = false, [StoreHealthCheck.ProblemKey] = "disk full" })),
            (SchedulerHealthCheck.Name, HealthCheckResult.Healthy("running", new Dictionary<string, object> { [SchedulerHealthCheck.RunningKey] = true })));

        var body = JsonNode.Parse(HealthJson.Write(report))!;

        Assert.False(HealthJson.IsHealthy(report));
        Assert.Equal("unhealthy", body["status"]!.GetValue<string>());
        Assert.True(body["gatewayConnected"]!.GetValue<bool>());
        Assert.Equal(12.4, body["secondsSinceHeartbeatAck"]!.GetValue<double>());
        Assert.False(body["storeWritable"]!.GetValue<bool>());
        Assert.Equal("disk full", body["storeProblem"]!.GetValue<string>());
        Assert.True(body["schedulerRunning"]!.GetValue<bool>());
        Assert.Equal("unhealthy", body["checks"]!["store"]!["status"]!.GetValue<string>());
        Assert.Equal("disk full", body["checks"]!["store"]!["description"]!.GetValue<string>());
    }

    [Fact]
    public void CheckThatThrew_CountsAsUnhealthy_AndItsFactsAsFalse()
    {
        var report = Report(
            (GatewayHealthCheck.Name, new HealthCheckResult(HealthStatus.Unhealthy, exception: new InvalidOperationException("boom"))),
            (StoreHealthCheck.Name, HealthCheckResult.Healthy("writable", new Dictionary<string, object> { [StoreHealthCheck.WritableKey] = true })),
            (SchedulerHealthCheck.Name, HealthCheckResult.Healthy("running", new Dictionary<string, object> { [SchedulerHealthCheck.RunningKey] = true })));

        var body = JsonNode.Parse(HealthJson.Write(report))!;

        Assert.Equal("unhealthy", body["status"]!.GetValue<string>());
        Assert.False(body["gatewayConnected"]!.GetValue<bool>());
        Assert.Null(body["secondsSinceHeartbeatAck"]);
        Assert.Null(body["storeProblem"]);
        Assert.Equal("boom", body["checks"]!["gateway"]!["description"]!.GetValue<string>());
    }

    private static HealthReport Report(params (string Name, HealthCheckResult Result)[] checks) =>
        new(checks.ToDictionary(c => c.Name, c => new HealthReportEntry(c.Result.Status, c.Result.Description, TimeSpan.FromMilliseconds(1), c.Result.Exception, c.Result.Data)), TimeSpan.FromMilliseconds(3));
}
