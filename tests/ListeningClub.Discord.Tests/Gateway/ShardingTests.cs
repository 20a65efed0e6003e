using System.Collections.Concurrent;
using System.Globalization;
using ListeningClub.Discord.Emulator.Hosting;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Discord.Fatal;
using ListeningClub.Discord.Gateway;
using ListeningClub.Discord.Hosting;
using ListeningClub.Discord.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ListeningClub.Discord.Tests.Gateway;

/// <summary>
/// Several shards in one process, as Discord runs them: the count Discord recommends, each shard's guilds only, identifies
/// spaced by max_concurrency bucket, and the close codes a wrong plan gets, through the emulator.
/// </summary>
public sealed class ShardingTests
{
    [Theory]
    [InlineData("auto", "", null, null)]
    [InlineData("", null, null, null)]
    [InlineData("4", "", 4, null)]
    [InlineData("AUTO", "2-3", null, "2,3")]
    [InlineData("8", "0,5-6, 2", 8, "0,2,5,6")]
    public void ShardPlan_ParsesCountsIdsAndRanges(string count, string? ids, int? expectedCount, string? expectedIds)
    {
        var (plan, problem) = ShardPlan.Parse(count, ids);

        Assert.Null(problem);
        Assert.Equal(expectedCount, plan!.Count);
        Assert.Equal(expectedIds, plan.Ids is null ? null : string.Join(",", plan.Ids));
    }

    [Theory]
    [InlineData("0", "", "Discord:ShardCount")]
    [InlineData("many", "", "Discord:ShardCount")]
    [InlineData("4", "4", "shard 4 does not exist when Discord:ShardCount is 4")]
    [InlineData("auto", "3-1", "Discord:ShardIds")]
    [InlineData("auto", "x", "Discord:ShardIds")]
    [InlineData("auto", "-1", "Discord:ShardIds")]
    public void ShardPlan_WrongSettings_AreOneLineNamingTheSetting(string count, string ids, string expected)
    {
        var (plan, problem) = ShardPlan.Parse(count, ids);

        Assert.Null(plan);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void GuildRouting_IsDiscordsFormula()
    {
        const ulong guild = 197_038_439_483_310_086; // (id >> 22) = 46977624770, % 4 = 2
        Assert.Equal(2, GatewayShard.Of(guild, 4));
        Assert.True(new GatewayShard(2, 4).Owns(guild));
        Assert.False(new GatewayShard(1, 4).Owns(guild));
        Assert.Equal(0, GatewayShard.Of(guild, 1));
    }

    [Fact]
    public async Task IdentifyGate_OneBucketWaitsFiveSecondsAfterTheLastIdentify_OtherBucketsGoAtOnce()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
        var gate = new IdentifyGate(clock);

        using (var first = await gate.WaitTurnAsync(0, maxConcurrency: 2, default))
        {
            first.Sent();
        }

        using (var otherBucket = await gate.WaitTurnAsync(1, maxConcurrency: 2, default).WaitAsync(TimeSpan.FromSeconds(10)))
        {
            otherBucket.Sent(); // shard 1 is bucket 1: no wait
        }

        var sameBucket = gate.WaitTurnAsync(2, maxConcurrency: 2, default); // shard 2 is bucket 0 again
        clock.Advance(TimeSpan.FromSeconds(4.9));
        await Task.Yield();
        Assert.False(sameBucket.IsCompleted, "the bucket identified 4.9 s ago");
        clock.Advance(TimeSpan.FromSeconds(0.1));
        using var turn = await sameBucket.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task AutoCount_RunsEveryRecommendedShard_EachGettingOnlyItsGuilds_AndCommandsAreRegisteredOnce()
    {
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorSettings { RecommendedShards = 3, MaxConcurrency = 3, EnforceIdentifyRate = true });
        using var control = emulator.CreateControl();
        var guilds = new List<ulong>();
        for (var i = 0; i < 9; i++)
        {
            var created = await control.CreateGuildAsync(new GuildSpec($"Club {i}", [new ChannelSpec("general")]));
            guilds.Add(ulong.Parse(created.GuildId, CultureInfo.InvariantCulture));
        }

        await using var bot = await ShardedClient.StartAsync(emulator, "auto", null);

        await Eventually.True(() => bot.Readies.Count == 3 && bot.Shards.Status.Connected, "three shards are READY");
        foreach (var (shard, ready) in bot.Readies)
        {
            var expected = guilds.Where(g => GatewayShard.Of(g, 3) == shard).Order().ToList();
            Assert.Equal(expected, ready.Guilds.Order().ToList());
        }

        Assert.Equal(3, bot.Shards.Clients.Count);
        Assert.Equal(3L, (await control.StatsAsync()).Identifies);
        Assert.Equal(0L, (await control.StatsAsync()).IdentifiesTooSoon);
        Assert.Single(await control.RequestsAsync(), r => r.Path.EndsWith("/commands", StringComparison.Ordinal)); // compared once: shard 0's READY only
    }

    [Fact]
    public async Task ShardIds_RunOnlyThoseShards_SoTwoProcessesShareTheBot()
    {
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorSettings { MaxConcurrency = 4, EnforceIdentifyRate = true });
        using var control = emulator.CreateControl();
        for (var i = 0; i < 6; i++)
        {
            await control.CreateGuildAsync(new GuildSpec($"Club {i}", [new ChannelSpec("general")]));
        }

        await using var low = await ShardedClient.StartAsync(emulator, "4", "0-1");
        await using var high = await ShardedClient.StartAsync(emulator, "4", "2,3");

        await Eventually.True(() => low.Readies.Count == 2 && high.Readies.Count == 2, "each process's two shards are READY");
        Assert.Equal([0, 1], low.Readies.Keys.Order());
        Assert.Equal([2, 3], high.Readies.Keys.Order());
        Assert.All(low.Readies.Values.Concat(high.Readies.Values), r => Assert.Equal(4, r.Count));
    }

    [Fact]
    public async Task OneBucket_IdentifiesFiveSecondsApart_SoDiscordNeverRefusesOne()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorSettings { TimeProvider = clock, MaxConcurrency = 1, EnforceIdentifyRate = true, HeartbeatInterval = TimeSpan.FromMinutes(10) });
        using var control = emulator.CreateControl();

        await using var bot = await ShardedClient.StartAsync(emulator, "2", null, clock);

        await Eventually.True(() => bot.Readies.Count == 1, "the first shard is READY");
        await Eventually.Settle();
        Assert.Equal(1L, (await control.StatsAsync()).Identifies); // the second waits for the bucket's 5 s

        // The clock moves a second at a time until the second shard is READY (its wait may start a moment after a move).
        var waited = TimeSpan.Zero;
        while (bot.Readies.Count < 2 && waited < TimeSpan.FromSeconds(30))
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            waited += TimeSpan.FromSeconds(1);
            for (var poll = 0; poll < 20 && bot.Readies.Count < 2; poll++)
            {
                await Eventually.Settle(); // a moment of real time for a shard whose turn came to connect
            }
        }

        Assert.Equal(2, bot.Readies.Count);
        Assert.InRange(waited, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));
        Assert.Equal(0L, (await control.StatsAsync()).IdentifiesTooSoon); // the emulator, on the same clock, saw them 5 s apart
    }

    [Fact]
    public async Task TooManyGuildsForTheShards_Close4011_StopsWithWhatToChange()
    {
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorSettings { MaxGuildsPerShard = 2 });
        using var control = emulator.CreateControl();
        for (var i = 0; i < 3; i++)
        {
            await control.CreateGuildAsync(new GuildSpec($"Club {i}", [new ChannelSpec("general")]));
        }

        await using var bot = await ShardedClient.StartAsync(emulator, "1", null);

        await bot.ShardsRunning.WaitAsync(TimeSpan.FromSeconds(30)); // every shard stops
        var fatal = bot.Services.GetRequiredService<IDiscordFatalErrors>().Current;
        Assert.Contains("Sharding required (close 4011)", fatal!.Message, StringComparison.Ordinal);
        Assert.Contains("Discord:ShardCount", fatal.Message, StringComparison.Ordinal);
    }

    /// <summary>The Discord client's gateway (shards and dispatcher) against the emulator, recording each shard's READY.</summary>
    private sealed class ShardedClient : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _dispatching;

        private ShardedClient(ServiceProvider services)
        {
            Services = services;
            Shards = services.GetRequiredService<GatewayShards>();
            Readies = services.GetRequiredService<ReadyProbe>().Readies;
            Shards.NextJitter = () => 0.5;
            ShardsRunning = Shards.RunAsync(_stop.Token);
            _dispatching = services.GetRequiredService<GatewayDispatcher>().RunAsync(_stop.Token);
        }

        public ServiceProvider Services { get; }

        public GatewayShards Shards { get; }

        public ConcurrentDictionary<int, (int Count, List<ulong> Guilds)> Readies { get; }

        public Task ShardsRunning { get; }

        public static Task<ShardedClient> StartAsync(DiscordEmulator emulator, string count, string? ids, TimeProvider? time = null)
        {
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
            services.AddSingleton(time ?? TimeProvider.System);
            services.AddSingleton<ReadyProbe>();
            services.AddDiscordClient(o =>
            {
                o.Token = emulator.BotToken;
                o.ApiBaseUrl = emulator.ApiBaseUrl.ToString();
                o.ShardCount = count;
                o.ShardIds = ids;
            });
            services.AddGatewayDispatchHandler<ReadyRecorder>();
            return Task.FromResult(new ShardedClient(services.BuildServiceProvider()));
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await Task.WhenAll(ShardsRunning, _dispatching).WaitAsync(TimeSpan.FromSeconds(30));
            await Services.DisposeAsync();
            _stop.Dispose();
        }
    }

    private sealed class ReadyProbe
    {
        public ConcurrentDictionary<int, (int Count, List<ulong> Guilds)> Readies { get; } = new();
    }

    private sealed class ReadyRecorder(ReadyProbe probe) : IGatewayDispatchHandler
    {
        public bool Wants(string eventName) => eventName == "READY";

        public Task HandleAsync(GatewayDispatch dispatch, CancellationToken ct)
        {
            var shard = dispatch.Data.GetProperty("shard");
            var guilds = dispatch.Data.GetProperty("guilds").EnumerateArray().Select(g => ulong.Parse(g.GetProperty("id").GetString()!, CultureInfo.InvariantCulture)).ToList();
            probe.Readies[shard[0].GetInt32()] = (shard[1].GetInt32(), guilds);
            return Task.CompletedTask;
        }
    }
}
