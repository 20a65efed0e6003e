using System.Text.Json.Nodes;
using ListeningClub.Discord.Emulator.Control;

namespace ListeningClub.Discord.Emulator.Tests.Gateway;

/// <summary>Gateway v10 over real sockets (REFERENCE.md §2).</summary>
public sealed class GatewayTests : IAsyncLifetime
{
    private Harness _h = null!;
    private CreatedGuild _g = null!;

    public async Task InitializeAsync()
    {
        _h = await Harness.StartAsync(new EmulatorSettings { RateLimitsEnabled = false, HeartbeatInterval = TimeSpan.FromSeconds(30) });
        _g = await _h.GuildAsync();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task<(GatewayTestClient Client, JsonObject Ready)> IdentifiedAsync(long intents = 16842753 | 512)
    {
        var client = await GatewayTestClient.ConnectAsync(_h.Emulator.GatewayUrl);
        var hello = await client.ReceiveAsync();
        Assert.Equal(10, hello!["op"]!.GetValue<int>());
        await client.IdentifyAsync(_h.Emulator.BotToken, intents);
        var ready = await client.WaitForDispatchAsync("READY");
        return (client, ready);
    }

    [Fact]
    public async Task GatewayBot_ReportsUrlShardsAndCountsIdentifies()
    {
        var before = (await _h.SendAsync(HttpMethod.Get, "gateway/bot", (string?)null)).Json;
        Assert.Equal(_h.Emulator.GatewayUrl.ToString(), before["url"]!.GetValue<string>());
        Assert.Equal(1, before["shards"]!.GetValue<int>());
        var (client, _) = await IdentifiedAsync();
        await using (client)
        {
            var after = (await _h.SendAsync(HttpMethod.Get, "gateway/bot", (string?)null)).Json;
            Assert.Equal(before["session_start_limit"]!["remaining"]!.GetValue<int>() - 1, after["session_start_limit"]!["remaining"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task Hello_CarriesTheConfiguredInterval_AndHeartbeatsAreAcked()
    {
        await using var client = await GatewayTestClient.ConnectAsync(_h.Emulator.GatewayUrl);
        var hello = await client.ReceiveAsync();
        Assert.Equal(30000, hello!["d"]!["heartbeat_interval"]!.GetValue<int>());
        await client.SendAsync(new JsonObject { ["op"] = 1, ["d"] = null });
        Assert.Equal(11, (await client.ReceiveAsync())!["op"]!.GetValue<int>());
    }

    [Fact]
    public async Task Identify_SendsReadyWithSessionAndResumeUrl_ThenGuildCreate_WithIncreasingSequence()
    {
        var (client, ready) = await IdentifiedAsync();
        await using (client)
        {
            var d = ready["d"]!;
            Assert.False(string.IsNullOrEmpty(d["session_id"]!.GetValue<string>()));
            var resumeUrl = d["resume_gateway_url"]!.GetValue<string>();
            Assert.NotEqual(_h.Emulator.GatewayUrl.ToString(), resumeUrl);
            Assert.Equal(_h.Emulator.ApplicationId.ToString(System.Globalization.CultureInfo.InvariantCulture), d["application"]!["id"]!.GetValue<string>());
            Assert.True(d["guilds"]![0]!["unavailable"]!.GetValue<bool>());
            var guildCreate = await client.WaitForDispatchAsync("GUILD_CREATE");
            Assert.Equal(_g.GuildId, guildCreate["d"]!["id"]!.GetValue<string>());
            Assert.True(guildCreate["s"]!.GetValue<int>() > ready["s"]!.GetValue<int>());
        }
    }

    [Theory]
    [InlineData("wrong-token", 16842753L, 4004)]
    [InlineData(null, 2L, 4014)]
    [InlineData(null, 1L << 15, 4014)]
    [InlineData(null, 1L << 40, 4013)]
    public async Task Identify_Rejections_CloseWithDiscordsCodes(string? token, long intents, int expected)
    {
        await using var client = await GatewayTestClient.ConnectAsync(_h.Emulator.GatewayUrl);
        await client.ReceiveAsync();
        await client.IdentifyAsync(token ?? _h.Emulator.BotToken, intents);
        Assert.Equal(expected, await client.WaitForCloseAsync());
    }

    [Fact]
    public async Task InvalidShard_Closes4010()
    {
        await using var client = await GatewayTestClient.ConnectAsync(_h.Emulator.GatewayUrl);
        await client.ReceiveAsync();
        await client.IdentifyAsync(_h.Emulator.BotToken, shard: new JsonArray(2, 2));
        Assert.Equal(4010, await client.WaitForCloseAsync());
    }

    [Fact]
    public async Task SecondIdentify_Closes4005()
    {
        var (client, _) = await IdentifiedAsync();
        await using (client)
        {
            await client.IdentifyAsync(_h.Emulator.BotToken);
            Assert.Equal(4005, await client.WaitForCloseAsync());
        }
    }

    [Theory]
    [InlineData("{\"op\":3,\"d\":{}}", 4003)]
    [InlineData("not json", 4002)]
    [InlineData("{\"op\":99,\"d\":null}", 4001)]
    public async Task BadPayloads_CloseWithTheMatchingCode(string payload, int expected)
    {
        await using var client = await GatewayTestClient.ConnectAsync(_h.Emulator.GatewayUrl);
        await client.ReceiveAsync();
        await client.SendRawAsync(payload);
        Assert.Equal(expected, await client.WaitForCloseAsync());
    }

    [Fact]
    public async Task OversizedPayload_Closes4002()
    {
        await using var client = await GatewayTestClient.ConnectAsync(_h.Emulator.GatewayUrl);
        await client.ReceiveAsync();
        await client.SendRawAsync("{\"op\":1,\"d\":\"" + new string('x', 5000) + "\"}");
        Assert.Equal(4002, await client.WaitForCloseAsync());
    }

    [Fact]
    public async Task Resume_ReplaysMissedDispatchesInOrder_ThenResumed()
    {
        var (client, ready) = await IdentifiedAsync();
        var sessionId = ready["d"]!["session_id"]!.GetValue<string>();
        var resumeUrl = new Uri(ready["d"]!["resume_gateway_url"]!.GetValue<string>());
        var last = (await client.WaitForDispatchAsync("GUILD_CREATE"))["s"]!.GetValue<int>();
        client.Abort();
        await client.DisposeAsync();

        var general = _g.Channels["general"];
        for (var i = 0; i < 3; i++)
        {
            await _h.PostMessageAsync(general, new JsonObject { ["content"] = $"missed {i}" });
        }

        await using var resumed = await GatewayTestClient.ConnectAsync(resumeUrl);
        await resumed.ReceiveAsync();
        await resumed.SendAsync(new JsonObject { ["op"] = 6, ["d"] = new JsonObject { ["token"] = _h.Emulator.BotToken, ["session_id"] = sessionId, ["seq"] = last } });
        var seen = new List<(int Seq, string Type, string? Content)>();
        while (true)
        {
            var frame = await resumed.WaitForAsync(f => f["op"]!.GetValue<int>() == 0);
            var type = frame["t"]!.GetValue<string>();
            seen.Add((frame["s"]!.GetValue<int>(), type, frame["d"]?["content"]?.GetValue<string>()));
            if (type == "RESUMED")
            {
                break;
            }
        }

        Assert.Equal(["missed 0", "missed 1", "missed 2"], seen.Where(s => s.Type == "MESSAGE_CREATE").Select(s => s.Content));
        Assert.Equal(Enumerable.Range(last + 1, seen.Count), seen.Select(s => s.Seq));
        Assert.Equal(1, (await _h.Control.StatsAsync()).Resumes);
    }

    [Fact]
    public async Task ResumeUnknownSession_GetsInvalidSessionNotResumable()
    {
        await using var client = await GatewayTestClient.ConnectAsync(_h.Emulator.GatewayUrl);
        await client.ReceiveAsync();
        await client.SendAsync(new JsonObject { ["op"] = 6, ["d"] = new JsonObject { ["token"] = _h.Emulator.BotToken, ["session_id"] = "nope", ["seq"] = 1 } });
        var frame = await client.ReceiveAsync();
        Assert.Equal(9, frame!["op"]!.GetValue<int>());
        Assert.False(frame["d"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ClientCloseWith1000_EndsTheSession()
    {
        var (client, ready) = await IdentifiedAsync();
        var sessionId = ready["d"]!["session_id"]!.GetValue<string>();
        await client.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure);
        await client.WaitForCloseAsync();
        await client.DisposeAsync();

        await using var again = await GatewayTestClient.ConnectAsync(_h.Emulator.GatewayUrl);
        await again.ReceiveAsync();
        await again.SendAsync(new JsonObject { ["op"] = 6, ["d"] = new JsonObject { ["token"] = _h.Emulator.BotToken, ["session_id"] = sessionId, ["seq"] = 1 } });
        Assert.False((await again.ReceiveAsync())!["d"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Interaction_IsDeliveredAsInteractionCreate_WithMemberPermissions()
    {
        var (client, _) = await IdentifiedAsync();
        await using (client)
        {
            var sent = await _h.Control.SendCommandAsync(_g.GuildId, _g.Channels["general"], _g.Users["alice"], "nominate");
            var frame = await client.WaitForDispatchAsync("INTERACTION_CREATE");
            var d = frame["d"]!;
            Assert.Equal(sent.Id, d["id"]!.GetValue<string>());
            Assert.Equal(sent.Token, d["token"]!.GetValue<string>());
            Assert.Equal("nominate", d["data"]!["name"]!.GetValue<string>());
            Assert.NotNull(d["member"]!["permissions"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task PollVotes_ScheduledEvents_AndThreads_AreDispatched()
    {
        var (client, _) = await IdentifiedAsync(1 | (1 << 16) | (1 << 24));
        await using (client)
        {
            var general = _g.Channels["general"];
            var poll = await _h.PostMessageAsync(general, new JsonObject
            {
                ["poll"] = new JsonObject
                {
                    ["question"] = new JsonObject { ["text"] = "Next film?" },
                    ["answers"] = new JsonArray(new JsonObject { ["poll_media"] = new JsonObject { ["text"] = "Stalker" } }, new JsonObject { ["poll_media"] = new JsonObject { ["text"] = "Solaris" } }),
                },
            });
            var pollId = poll.Json["id"]!.GetValue<string>();
            await _h.Control.VoteAsync(new PollVote(general, pollId, _g.Users["alice"], [2]));
            var add = await client.WaitForDispatchAsync("MESSAGE_POLL_VOTE_ADD");
            Assert.Equal(2, add["d"]!["answer_id"]!.GetValue<int>());
            await _h.Control.VoteAsync(new PollVote(general, pollId, _g.Users["alice"], [1]));
            var remove = await client.WaitForDispatchAsync("MESSAGE_POLL_VOTE_REMOVE");
            Assert.Equal(2, remove["d"]!["answer_id"]!.GetValue<int>());

            var voters = await _h.SendAsync(HttpMethod.Get, $"channels/{general}/polls/{pollId}/answers/1", (string?)null);
            Assert.Equal(_g.Users["alice"], voters.Json["users"]![0]!["id"]!.GetValue<string>());

            var evt = await _h.SendAsync(HttpMethod.Post, $"guilds/{_g.GuildId}/scheduled-events", new JsonObject
            {
                ["name"] = "Film night",
                ["scheduled_start_time"] = "2026-12-04T19:00:00Z",
                ["scheduled_end_time"] = "2026-12-04T22:00:00Z",
                ["privacy_level"] = 2,
                ["entity_type"] = 3,
                ["entity_metadata"] = new JsonObject { ["location"] = "At home" },
            });
            var created = await client.WaitForDispatchAsync("GUILD_SCHEDULED_EVENT_CREATE");
            Assert.Equal(evt.Json["id"]!.GetValue<string>(), created["d"]!["id"]!.GetValue<string>());
            await _h.SendAsync(HttpMethod.Patch, $"guilds/{_g.GuildId}/scheduled-events/{evt.Json["id"]}", new JsonObject { ["status"] = 2 });
            Assert.Equal(2, (await client.WaitForDispatchAsync("GUILD_SCHEDULED_EVENT_UPDATE"))["d"]!["status"]!.GetValue<int>());
            await _h.SendAsync(HttpMethod.Delete, $"guilds/{_g.GuildId}/scheduled-events/{evt.Json["id"]}", (string?)null);
            await client.WaitForDispatchAsync("GUILD_SCHEDULED_EVENT_DELETE");

            var thread = await _h.SendAsync(HttpMethod.Post, $"channels/{general}/messages/{pollId}/threads", new JsonObject { ["name"] = "Discussion" });
            var threadCreate = await client.WaitForDispatchAsync("THREAD_CREATE");
            Assert.Equal(pollId, thread.Json["id"]!.GetValue<string>());
            Assert.True(threadCreate["d"]!["newly_created"]!.GetValue<bool>());
        }
    }

    [Fact]
    public async Task GuildMessages_AreOnlySentToSessionsWithThatIntent()
    {
        var (client, _) = await IdentifiedAsync(1);
        await using (client)
        {
            await _h.PostMessageAsync(_g.Channels["general"], new JsonObject { ["content"] = "not for you" });
            await _h.Control.SendCommandAsync(_g.GuildId, _g.Channels["general"], _g.Users["alice"], "club");
            var next = await client.WaitForAsync(f => f["t"]?.GetValue<string>() is "MESSAGE_CREATE" or "INTERACTION_CREATE");
            Assert.Equal("INTERACTION_CREATE", next["t"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Faults_ReconnectInvalidSessionAndClose_ReachTheClient()
    {
        var (client, _) = await IdentifiedAsync();
        await using (client)
        {
            await _h.Control.GatewayFaultAsync(new GatewayFaultSpec("reconnect"));
            Assert.Equal(7, (await client.WaitForAsync(f => f["op"]!.GetValue<int>() == 7))["op"]!.GetValue<int>());
            await _h.Control.GatewayFaultAsync(new GatewayFaultSpec("invalid_session", Resumable: true));
            Assert.True((await client.WaitForAsync(f => f["op"]!.GetValue<int>() == 9))["d"]!.GetValue<bool>());
            await _h.Control.GatewayFaultAsync(new GatewayFaultSpec("close", Code: 4009));
            Assert.Equal(4009, await client.WaitForCloseAsync());
        }
    }

    [Fact]
    public async Task StopAcks_HeartbeatsGoUnanswered()
    {
        var (client, _) = await IdentifiedAsync();
        await using (client)
        {
            await client.WaitForDispatchAsync("GUILD_CREATE");
            await _h.Control.GatewayFaultAsync(new GatewayFaultSpec("stop_acks"));
            await client.SendAsync(new JsonObject { ["op"] = 1, ["d"] = 2 });
            await _h.PostMessageAsync(_g.Channels["general"], new JsonObject { ["content"] = "marker" });
            var next = await client.ReceiveAsync();
            Assert.Equal("MESSAGE_CREATE", next!["t"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task MoreThanTheSendLimit_Closes4008()
    {
        await using var h = await Harness.StartAsync(new EmulatorSettings { GatewaySendLimit = 3 });
        await using var client = await GatewayTestClient.ConnectAsync(h.Emulator.GatewayUrl);
        await client.ReceiveAsync();
        for (var i = 0; i < 4; i++)
        {
            await client.SendAsync(new JsonObject { ["op"] = 1, ["d"] = null });
        }

        Assert.Equal(4008, await client.WaitForCloseAsync());
    }

    [Fact]
    public async Task MissedHeartbeats_CloseTheConnection()
    {
        await using var h = await Harness.StartAsync(new EmulatorSettings { HeartbeatInterval = TimeSpan.FromMilliseconds(200) });
        await using var client = await GatewayTestClient.ConnectAsync(h.Emulator.GatewayUrl);
        await client.ReceiveAsync();
        Assert.Equal(4009, await client.WaitForCloseAsync());
    }
}
