using System.Net;

namespace ListeningClub.Discord.Emulator.Tests.Hosting;

public sealed class HostingTests
{
    [Fact]
    public async Task StartAsync_BindsLoopbackFreePort_AndExposesUrlsTokenAndApplicationId()
    {
        await using var h = await Harness.StartAsync();
        var e = h.Emulator;

        Assert.Equal("127.0.0.1", e.ApiBaseUrl.Host);
        Assert.NotEqual(0, e.ApiBaseUrl.Port);
        Assert.EndsWith("/api/v10", e.ApiBaseUrl.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("ws", e.GatewayUrl.Scheme);
        Assert.EndsWith("/_emulator", e.ControlUrl.AbsolutePath, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(e.BotToken));
        var info = await h.Control.InfoAsync();
        Assert.Equal(e.ApplicationId.ToString(System.Globalization.CultureInfo.InvariantCulture), info.ApplicationId);
        Assert.Equal(e.BotToken, info.BotToken);
    }

    [Fact]
    public async Task TwoEmulators_RunSideBySide_OnDifferentPorts()
    {
        await using var a = await Harness.StartAsync();
        await using var b = await Harness.StartAsync();
        Assert.NotEqual(a.Emulator.ApiBaseUrl.Port, b.Emulator.ApiBaseUrl.Port);
    }

    [Fact]
    public async Task GetMyUser_WithBotToken_ReturnsTheBotUser()
    {
        await using var h = await Harness.StartAsync();
        var reply = await h.SendAsync(HttpMethod.Get, "users/@me", (string?)null);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.True(reply.Json["bot"]!.GetValue<bool>());
        Assert.Equal(h.Emulator.BotUserId.ToString(System.Globalization.CultureInfo.InvariantCulture), reply.Json["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task MissingOrWrongAuthorization_Gets401()
    {
        await using var h = await Harness.StartAsync();
        var missing = await h.SendAsync(HttpMethod.Get, "users/@me", null, r => r.Headers.Authorization = null);
        var wrong = await h.SendAsync(HttpMethod.Get, "users/@me", null, r => r.Headers.Authorization = new("Bot", "nope"));
        Assert.Equal(HttpStatusCode.Unauthorized, missing.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal("401: Unauthorized", wrong.Json["message"]!.GetValue<string>());
        Assert.Equal(2, (await h.Control.StatsAsync()).InvalidRequestsLast10Minutes);
    }

    [Fact]
    public async Task MissingUserAgent_IsRejected()
    {
        await using var h = await Harness.StartAsync();
        var reply = await h.SendAsync(HttpMethod.Get, "users/@me", null, r => r.Headers.UserAgent.Clear());
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
    }

    [Fact]
    public async Task UnknownRoute_Gets404WithCodeZero_AndWrongMethod405()
    {
        await using var h = await Harness.StartAsync();
        var unknown = await h.SendAsync(HttpMethod.Get, "nothing/here", (string?)null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal(0, unknown.Code);
        var wrongMethod = await h.SendAsync(HttpMethod.Put, "users/@me", "{}");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.Status);
    }

    [Fact]
    public async Task MissingOpenApiFile_FailsWithAClearMessage()
    {
        var error = await Assert.ThrowsAsync<FileNotFoundException>(() =>
            DiscordEmulator.StartAsync(new EmulatorSettings { OpenApiPath = "/nonexistent/openapi.json" }));
        Assert.Contains("third_party/discord-api-spec/openapi.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Snowflakes_AreStrictlyIncreasing_AndCarryTheirTimestamp()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var ids = new State.Snowflakes(time);
        var list = Enumerable.Range(0, 10_000).Select(_ => ids.Next()).ToList();
        Assert.Equal(list.Count, list.Distinct().Count());
        Assert.True(list.Zip(list.Skip(1)).All(p => p.First < p.Second));
        Assert.Equal(time.GetUtcNow(), State.Snowflakes.TimestampOf(list[0]));
    }
}
