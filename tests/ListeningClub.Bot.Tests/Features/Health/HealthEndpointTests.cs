using System.Net;
using System.Text.Json.Nodes;
using ListeningClub.Bot.Tests.Hosting;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Bot.Tests.Support;
using Quartz;

namespace ListeningClub.Bot.Tests.Features.Health;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Healthz_ReportsEachFact_AndTheCheckModeFollowsIt()
    {
        var port = FreePort.Next();
        await using var bot = await RunningBot.StartAsync(new RunningBotSettings { Args = ["--Health:Enabled=true", $"--Health:Port={port}"] });
        using var http = new HttpClient();
        var url = new Uri($"http://127.0.0.1:{port}/healthz");

        // Running: connected, store writable, scheduler running.
        JsonNode body = null!;
        HttpStatusCode status = default;
        await RunningBot.WaitUntilAsync(
            async () =>
            {
                using var response = await http.GetAsync(url);
                status = response.StatusCode;
                body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                return status == HttpStatusCode.OK;
            },
            "healthy");
        Assert.Equal("healthy", body["status"]!.GetValue<string>());
        Assert.True(body["gatewayConnected"]!.GetValue<bool>());
        Assert.True(body["storeWritable"]!.GetValue<bool>());
        Assert.True(body["schedulerRunning"]!.GetValue<bool>());
        Assert.Equal(["gateway", "store", "scheduler"], body["checks"]!.AsObject().Select(c => c.Key));
        Assert.All(body["checks"]!.AsObject(), c => Assert.Equal("healthy", c.Value!["status"]!.GetValue<string>()));
        Assert.Equal(0, (await StartupTests.RunBotAsync(new(), "--health", $"--Health:Port={port}")).ExitCode);

        // The scheduler stops firing: 503, and the check mode says so with exit code 1.
        var scheduler = await bot.Get<ISchedulerFactory>().GetScheduler();
        await scheduler.Standby();
        using (var response = await http.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var unhealthy = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.False(unhealthy["schedulerRunning"]!.GetValue<bool>());
            Assert.True(unhealthy["gatewayConnected"]!.GetValue<bool>());
            Assert.Equal("unhealthy", unhealthy["checks"]!["scheduler"]!["status"]!.GetValue<string>());
            Assert.Equal("the scheduler is standby", unhealthy["checks"]!["scheduler"]!["description"]!.GetValue<string>());
            Assert.Equal("healthy", unhealthy["checks"]!["store"]!["status"]!.GetValue<string>());
        }

        var check = await StartupTests.RunBotAsync(new(), "--health", $"--Health:Port={port}");
        Assert.Equal(1, check.ExitCode);
        Assert.StartsWith("503", check.Stdout, StringComparison.Ordinal);

        await scheduler.Start();
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri($"http://127.0.0.1:{port}/other"))).StatusCode);
    }

    [Fact]
    public async Task Healthz_AfterTheGatewayDrops_SaysDisconnected()
    {
        var port = FreePort.Next();
        await using var bot = await RunningBot.StartAsync(new RunningBotSettings { Args = ["--Health:Enabled=true", $"--Health:Port={port}"] });
        using var http = new HttpClient();
        var url = new Uri($"http://127.0.0.1:{port}/healthz");

        // Discord ends the session (4009: a new one is needed) and /gateway/bot keeps failing, so the bot cannot reconnect.
        await bot.Control.RestFaultAsync(new RestFaultSpec("/gateway", 503, Count: 1000));
        await bot.Control.GatewayFaultAsync(new GatewayFaultSpec("close", Code: 4009));
        JsonNode body = null!;
        await RunningBot.WaitUntilAsync(
            async () =>
            {
                using var response = await http.GetAsync(url);
                body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                return response.StatusCode == HttpStatusCode.ServiceUnavailable;
            },
            "unhealthy");
        Assert.False(body["gatewayConnected"]!.GetValue<bool>());
        Assert.Equal("the gateway is not connected", body["checks"]!["gateway"]!["description"]!.GetValue<string>());
        Assert.True(body["storeWritable"]!.GetValue<bool>());
    }
}
