using System.Globalization;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Discord.Emulator.Hosting;
using ListeningClub.Discord.Gateway;
using ListeningClub.Storage.Postgres.Engine;
using ListeningClub.Storage.Postgres.Tests.Support;
using Npgsql;

namespace ListeningClub.Bot.Tests.Support;

/// <summary>
/// Several copies of the built executable sharing one PostgreSQL store (a fresh schema in the test run's cluster) and
/// the bot's gateway shards, as the README's scale-out section runs them: instance <c>i</c> runs shard <c>i</c> of as
/// many shards as instances, and Quartz is clustered on the store. One club guild per shard, so each instance serves
/// one of them; every guild has the usual club members plus <c>extraMembers</c>.
/// </summary>
public sealed class BotCluster : IAsyncDisposable
{
    private readonly Dictionary<string, string?>[] _settings;
    private readonly string _root;

    private BotCluster(DiscordEmulator emulator, EmulatorControl control, IReadOnlyList<CreatedGuild> guilds, string connectionString, Dictionary<string, string?>[] settings, string root)
    {
        Emulator = emulator;
        Control = control;
        Guilds = guilds;
        ConnectionString = connectionString;
        _settings = settings;
        _root = root;
        Instances = new BotProcess[settings.Length];
    }

    public DiscordEmulator Emulator { get; }

    public EmulatorControl Control { get; }

    /// <summary>The club guild on each shard: <c>Guilds[i]</c> is served by instance <c>i</c>.</summary>
    public IReadOnlyList<CreatedGuild> Guilds { get; }

    public BotProcess[] Instances { get; }

    /// <summary>The store's connection string (its schema first on the search path).</summary>
    public string ConnectionString { get; }

    public ClubMembers Members(int shard) => new(Control, Guilds[shard]);

    public static async Task<BotCluster> StartAsync(int instances, IEnumerable<string> extraMembers, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var emulator = await DiscordEmulator.StartAsync(new EmulatorSettings { HeartbeatInterval = TimeSpan.FromSeconds(5), InteractionDeadline = ExecutableBot.ExecutableInteractionDeadline });
        var control = emulator.CreateControl();
        var members = extraMembers.ToList();
        var guilds = new CreatedGuild?[instances];
        for (var tries = 0; guilds.Any(g => g is null); tries++)
        {
            // Guild ids are snowflakes: a new guild lands on shard (id >> 22) % count, by its creation millisecond.
            Assert.True(tries < 500, "the emulator made no guild for some shard");
            var guild = await RunningBot.CreateClubGuildAsync(control, members);
            guilds[GatewayShard.Of(ulong.Parse(guild.GuildId, CultureInfo.InvariantCulture), instances)] ??= guild;
        }

        var connectionString = await (await PostgresCluster.Shared).CreateSchemaAsync("cluster");
        var root = Path.Combine(Path.GetTempPath(), "listeningclub-tests", Guid.NewGuid().ToString("N"));
        var settings = Enumerable.Range(0, instances).Select(i =>
        {
            var instance = new Dictionary<string, string?>
            {
                ["ListeningClub__Discord__Token"] = emulator.BotToken,
                ["ListeningClub__Discord__ApiBaseUrl"] = emulator.ApiBaseUrl.ToString(),
                ["ListeningClub__Discord__ShardCount"] = instances.ToString(CultureInfo.InvariantCulture),
                ["ListeningClub__Discord__ShardIds"] = i.ToString(CultureInfo.InvariantCulture),
                ["ListeningClub__Storage__Provider"] = "Postgres",
                ["ListeningClub__ConnectionStrings__Postgres"] = connectionString,
                ["ListeningClub__Storage__DataFolder"] = Path.Combine(root, $"instance-{i}"),
                ["ListeningClub__Health__Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
                ["ListeningClub__Abuse__CommandsPerWindow"] = "1000",
            };
            foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
            {
                instance[name] = value;
            }

            return instance;
        }).ToArray();

        var cluster = new BotCluster(emulator, control, [.. guilds.Select(g => g!)], connectionString, settings, root);
        try
        {
            // One at a time, as a deployment's first start would be: the first migrates the store, the others find it done.
            for (var i = 0; i < instances; i++)
            {
                await cluster.StartInstanceAsync(i);
            }

            await RunningBot.WaitUntilAsync(
                async () => (await control.RequestsAsync()).Any(r => r.Method == "PUT" && r.Path.EndsWith("/commands", StringComparison.Ordinal)),
                "shard 0's instance to register the commands");
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts instance <paramref name="i"/> (again, after a kill) and waits until its shard is READY and it is in the scheduler's cluster.</summary>
    public async Task StartInstanceAsync(int i)
    {
        if (Instances[i] is { } before)
        {
            await before.WaitForExitAsync(TimeSpan.FromSeconds(30));
            await before.DisposeAsync();
        }

        var process = BotProcess.Start(_settings[i]);
        Instances[i] = process;
        await process.WaitForLineAsync(line => line.Contains("Gateway READY", StringComparison.Ordinal), $"instance {i}'s shard to be READY");
        await process.WaitForLineAsync(line => line.Contains("is in the cluster", StringComparison.Ordinal), $"instance {i} to join the scheduler's cluster");
    }

    /// <summary>
    /// The instance whose scheduler runs the track's step due at <paramref name="due"/>, once one does (read from Quartz's
    /// fired-trigger rows), waiting until then and at most <see cref="RunningBot.Patience"/> more.
    /// </summary>
    public async Task<int> InstanceRunningStepOfAsync(string trackId, DateTimeOffset due)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        // The firing scheduled for the step (Quartz keeps instants as UTC ticks), not an earlier run-now of the same job.
        await using var query = new NpgsqlCommand("SELECT instance_name FROM qrtz_fired_triggers WHERE job_name = $1 AND state = 'EXECUTING' AND sched_time >= $2", connection);
        query.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"track-{trackId}" });
        query.Parameters.Add(new NpgsqlParameter<long> { TypedValue = due.UtcTicks });
        var giveUp = due + RunningBot.Patience;
        string? name;
        while ((name = await query.ExecuteScalarAsync() as string) is null)
        {
            if (TimeProvider.System.GetUtcNow() > giveUp)
            {
                throw new TimeoutException($"No scheduler ran track {trackId}'s step, due at {due:O}, within {RunningBot.Patience.TotalSeconds:0} s.");
            }

            await Task.Delay(20);
        }

        return Array.FindIndex(Instances, p => p.Lines.Any(line => line.Contains($"Scheduler instance {name} ", StringComparison.Ordinal)));
    }

    /// <summary>The last lines each instance wrote (for a failing test's output).</summary>
    public string Tails(int lines = 40) =>
        string.Join('\n', Instances.Select((p, i) => $"--- instance {i}:\n" + string.Join('\n', p.Lines.TakeLast(lines))));

    /// <summary>The shared store, opened as one more process would open it (for reading what the instances wrote).</summary>
    public Task<PostgresStore> OpenStoreAsync() => PostgresStore.OpenAsync(new PostgresStoreSettings { ConnectionString = ConnectionString });

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in Instances.OfType<BotProcess>())
        {
            await instance.DisposeAsync();
        }

        Control.Dispose();
        await Emulator.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
