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

    [Fact]
    public async Task Changes_WaitForTheNextStateChangingRequest_AndReadsDoNotCount()
    {
        await using var h = await Harness.StartAsync();
        var g = await h.GuildAsync();
        var now = await h.Control.WaitForChangeAsync(long.MaxValue - 1, TimeSpan.Zero);
        await h.SendAsync(HttpMethod.Get, $"channels/{g.Channels["general"]}", (string?)null);
        Assert.Equal(now, await h.Control.WaitForChangeAsync(long.MaxValue - 1, TimeSpan.Zero));

        var waiting = h.Control.WaitForChangeAsync(now, TimeSpan.FromSeconds(60));
        Assert.False(waiting.IsCompleted);
        await h.PostMessageAsync(g.Channels["general"], new JsonObject { ["content"] = "news" });
        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(60)) > now);
    }

    [Fact]
    public async Task Guild_ListsChannelsThreadsAndMembersWithTheirPermissions()
    {
        await using var h = await Harness.StartAsync();
        var g = await h.GuildAsync();
        var message = await h.PostMessageAsync(g.Channels["films"], new JsonObject { ["content"] = "starter" });
        await h.SendAsync(HttpMethod.Post, $"channels/{g.Channels["films"]}/messages/{message.Json["id"]}/threads", new JsonObject { ["name"] = "talk" });

        var view = await h.Control.GuildAsync(g.GuildId);
        Assert.Equal("Club", view.Name);
        var thread = Assert.Single(view.Channels, c => c.Name == "talk");
        Assert.Equal(g.Channels["films"], thread.ParentId);
        Assert.Equal(11, thread.Type);
        var permissions = (Member: ulong.Parse(view.Members.Single(m => m.Username == "bob").Permissions, System.Globalization.CultureInfo.InvariantCulture), Other: ulong.Parse(view.Members.Single(m => m.Username == "carol").Permissions, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((32UL, 0UL), (permissions.Member & 32, permissions.Other & 32)); // Manage Server through the Managers role
        Assert.Contains(view.Members, m => m.Bot);
        Assert.Contains(view.Roles, r => r.Name == "Managers");
        await Assert.ThrowsAsync<HttpRequestException>(() => h.Control.GuildAsync("1"));
    }

    [Fact]
    public async Task Commands_ListGlobalThenTheGuildsOwn_AsRegistered()
    {
        await using var h = await Harness.StartAsync();
        var g = await h.GuildAsync();
        var app = h.Emulator.ApplicationId;
        await h.SendAsync(HttpMethod.Post, $"applications/{app}/commands", new JsonObject { ["name"] = "help", ["description"] = "Help", ["type"] = 1 });
        await h.SendAsync(HttpMethod.Post, $"applications/{app}/guilds/{g.GuildId}/commands", new JsonObject { ["name"] = "club", ["description"] = "Club", ["type"] = 1 });

        Assert.Equal(["help", "club"], (await h.Control.CommandsAsync(g.GuildId)).Select(c => c.Command["name"]!.GetValue<string>()));
        Assert.Equal(["help"], (await h.Control.CommandsAsync()).Select(c => c.Command["name"]!.GetValue<string>()));
        Assert.Equal(g.GuildId, (await h.Control.CommandsAsync(g.GuildId))[1].GuildId);
    }
}
