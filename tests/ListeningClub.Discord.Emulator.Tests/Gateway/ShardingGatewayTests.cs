using System.Text.Json.Nodes;

namespace ListeningClub.Discord.Emulator.Tests.Gateway;

/// <summary>Sharding as Discord does it (REFERENCE.md §2.8): the recommendation, 4011 above 2,500 guilds a shard, one identify per bucket per 5 s.</summary>
public sealed class ShardingGatewayTests
{
    [Fact]
    public async Task GatewayBot_RecommendsOneShardPerThousandGuilds_AndReportsMaxConcurrency()
    {
        await using var h = await Harness.StartAsync(new EmulatorSettings { MaxConcurrency = 16 });
        await h.GuildAsync();

        var bot = (await h.SendAsync(HttpMethod.Get, "gateway/bot", (string?)null)).Json;

        Assert.Equal(1, bot["shards"]!.GetValue<int>());
        Assert.Equal(16, bot["session_start_limit"]!["max_concurrency"]!.GetValue<int>());
    }

    [Fact]
    public async Task AShardAboveItsGuildLimit_Closes4011()
    {
        await using var h = await Harness.StartAsync(new EmulatorSettings { MaxGuildsPerShard = 1 });
        await h.GuildAsync();
        await h.GuildAsync();

        await using var client = await GatewayTestClient.ConnectAsync(h.Emulator.GatewayUrl);
        await client.ReceiveAsync();
        await client.IdentifyAsync(h.Emulator.BotToken, shard: new JsonArray(0, 1));

        Assert.Equal(4011, await client.WaitForCloseAsync());
    }

    [Fact]
    public async Task ASecondIdentifyOfABucketWithinFiveSeconds_GetsAnInvalidSession_AnotherBucketDoesNot()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
        await using var h = await Harness.StartAsync(new EmulatorSettings { TimeProvider = time, MaxConcurrency = 2, EnforceIdentifyRate = true });

        await using var first = await IdentifyAsync(h, shard: 0);
        Assert.Equal("READY", (await first.WaitForAsync(f => f["op"]!.GetValue<int>() == 0))["t"]!.GetValue<string>());
        await using var otherBucket = await IdentifyAsync(h, shard: 1);
        Assert.Equal("READY", (await otherBucket.WaitForAsync(f => f["op"]!.GetValue<int>() == 0))["t"]!.GetValue<string>());
        await using var tooSoon = await IdentifyAsync(h, shard: 2); // bucket 0 again, at the same instant
        var refused = await tooSoon.WaitForAsync(f => f["op"]!.GetValue<int>() is 0 or 9);
        Assert.Equal(9, refused["op"]!.GetValue<int>());
        Assert.False(refused["d"]!.GetValue<bool>());

        time.Advance(TimeSpan.FromSeconds(5));
        await using var later = await IdentifyAsync(h, shard: 2);
        Assert.Equal("READY", (await later.WaitForAsync(f => f["op"]!.GetValue<int>() is 0 or 9))["t"]!.GetValue<string>());
        Assert.Equal(1L, (await h.Control.StatsAsync()).IdentifiesTooSoon);
    }

    private static async Task<GatewayTestClient> IdentifyAsync(Harness h, int shard)
    {
        var client = await GatewayTestClient.ConnectAsync(h.Emulator.GatewayUrl);
        await client.ReceiveAsync();
        await client.IdentifyAsync(h.Emulator.BotToken, shard: new JsonArray(shard, 4));
        return client;
    }
}
