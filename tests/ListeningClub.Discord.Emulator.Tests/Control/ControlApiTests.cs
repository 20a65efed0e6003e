using System.Net;
using System.Text.Json.Nodes;
using ListeningClub.Discord.Emulator.Control;

namespace ListeningClub.Discord.Emulator.Tests.Control;

public sealed class ControlApiTests
{
    [Fact]
    public async Task CreateGuild_ReturnsIdsByName()
    {
        await using var h = await Harness.StartAsync();
        var g = await h.GuildAsync();
        Assert.Equal(4, g.Channels.Count);
        Assert.True(g.Roles.ContainsKey("Managers"));
        Assert.True(g.Users.ContainsKey("alice"));
        var channel = await h.SendAsync(HttpMethod.Get, $"channels/{g.Channels["films"]}", (string?)null);
        Assert.Equal("films", channel.Json["name"]!.GetValue<string>());
        Assert.Equal(g.GuildId, channel.Json["guild_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Requests_AreRecordedWithSeqMethodPathStatusAndBody()
    {
        await using var h = await Harness.StartAsync();
        var g = await h.GuildAsync();
        await h.PostMessageAsync(g.Channels["general"], new JsonObject { ["content"] = "logged" });
        await h.SendAsync(HttpMethod.Get, "channels/1", (string?)null);
        var all = await h.Control.RequestsAsync();
        Assert.Equal(2, all.Count);
        Assert.Equal("POST", all[0].Method);
        Assert.Equal(200, all[0].Status);
        Assert.Contains("logged", all[0].Body, StringComparison.Ordinal);
        Assert.Equal("POST /channels/{channel_id}/messages", all[0].Route);
        Assert.Equal(404, all[1].Status);
        var after = await h.Control.RequestsAsync(all[0].Seq);
        Assert.Equal(all[1].Seq, Assert.Single(after).Seq);
    }

    [Fact]
    public async Task Reset_ForgetsGuildsMessagesAndCounters_ButKeepsTheToken()
    {
        await using var h = await Harness.StartAsync();
        var g = await h.GuildAsync();
        await h.PostMessageAsync(g.Channels["general"], new JsonObject { ["content"] = "x" });
        await h.Control.ResetAsync();
        Assert.Empty(await h.Control.MessagesAsync());
        Assert.Equal(0, (await h.Control.StatsAsync()).Requests);
        Assert.Equal(10003, (await h.SendAsync(HttpMethod.Get, $"channels/{g.Channels["general"]}", (string?)null)).Code);
        Assert.Equal(HttpStatusCode.OK, (await h.SendAsync(HttpMethod.Get, "users/@me", (string?)null)).Status);
    }

    [Fact]
    public async Task BadControlRequests_Get400WithAMessage()
    {
        await using var h = await Harness.StartAsync();
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => h.Control.GatewayFaultAsync(new GatewayFaultSpec("explode")));
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        var unknown = await Assert.ThrowsAsync<HttpRequestException>(() => h.Control.SendInteractionAsync(new InteractionSpec("1", "2", 2)));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }
}
