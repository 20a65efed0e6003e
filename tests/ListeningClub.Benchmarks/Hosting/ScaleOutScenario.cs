using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ListeningClub.Benchmarks.Discord;
using ListeningClub.Benchmarks.Schedule;
using ListeningClub.Benchmarks.Storage;
using ListeningClub.Bot.Hosting;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Schedule;
using ListeningClub.Storage.Postgres.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static ListeningClub.Discord.Emulator.Control.Slash;

namespace ListeningClub.Benchmarks.Hosting;

/// <summary>
/// Issue #17's workload: N clubs (one guild each, 10 members, one film track with voting open) served by several bot
/// processes (<c>dotnet ListeningClub.Bot.dll</c>) sharing one PostgreSQL store, each owning a range of the gateway
/// shards, against one emulator in a child process (Discord-like limits); then the same with LiteDB and one process.
/// Measures, per store: seeding, start-up (every shard identified, the trigger rebuild done, the processes idle),
/// memory per process (VmRSS and VmHWM) when idle and at the end; durable ballots/s through the bots at 64 concurrent
/// voters (/vote, choose, submit; a ballot counts when the bot's answer says it is in, and every one is looked up in the
/// store afterwards); the same rate at the store alone (64 writers through the store's repositories, split over the
/// processes, the storage ballot scenarios run as children); and the lateness of 1,000 votes that close in the same
/// minute: when Quartz started each close's job (the bots' logs), when the pick was announced (the cycle's AnnouncedAt,
/// from the store) and when the announcement was posted (the message's timestamp in the emulator); announcements are
/// counted per channel in the emulator, where exactly one per close is right.
/// No timings are asserted: it prints what it measured.
/// Run: dotnet run -c Release --project tests/ListeningClub.Benchmarks -- --scenario scale-out [--clubs 10000]
/// [--closing 1000] [--processes 3] [--voters 64] [--seconds 20] [--stores postgres,litedb] [--lead-minutes N]
/// [--start rolling|together] (--lead-minutes: from the start to the minute the votes close; it must leave time to seed,
/// start and run the ballot phases, default 3 + 1 per 1,500 clubs; --start: see <see cref="Settings"/>).
/// </summary>
public static class ScaleOutScenario
{
    public const string Name = "scale-out";

    private const int MembersPerClub = 10;

    public static async Task RunAsync(string[] args)
    {
        var options = Options.Parse(args);
        var clubs = options.Get("clubs", 10_000);
        var settings = new Settings(
            clubs,
            Math.Min(clubs / 2, options.Get("closing", 1_000)),
            options.Get("processes", 3),
            options.Get("voters", 64),
            options.Get("seconds", 20),
            TimeSpan.FromMinutes(options.Get("lead-minutes", 3 + clubs / 1500)),
            options.GetText("start", "rolling") == "together");
        var results = new List<Result>();
        foreach (var store in options.GetText("stores", "postgres,litedb").Split(','))
        {
            results.Add(await RunStoreAsync(store, store == "litedb" ? settings with { Processes = 1 } : settings));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scale-out: {clubs} clubs, {settings.Closing} closes in one minute, {settings.Voters} voters for {settings.Seconds} s"));
        Console.WriteLine("| store | processes | seed | start-up | ballots/s via bots (confirmed / lost) | ballots/s at the store | close job started p50 / p99 / max | announced p50 / p99 / max | posted p50 / p99 / max | announcements (missing / duplicated) | RSS idle per process (MB) | VmHWM at the end (MB) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | --- | ---: | --- | --- | --- | --- | --- | --- |");
        foreach (var r in results)
        {
            Console.WriteLine(r.Row());
        }
    }

    /// <param name="StartTogether">
    /// Start every process at once. On a store with no triggers yet, each process's start-up rebuild then arms the same
    /// tracks, and the loser of a race fails with Quartz's ObjectAlreadyExistsException, which stops that process
    /// (TrackTriggers.ArmAsync checks, then schedules). By default the first process starts alone and the others once it has
    /// rebuilt, as in a rolling start.
    /// </param>
    private sealed record Settings(int Clubs, int Closing, int Processes, int Voters, int Seconds, TimeSpan Lead, bool StartTogether);

    private sealed record Club(CreatedGuild Guild, TrackId Track, string Candidate);

    private sealed record Result(string Store, int Processes)
    {
        public TimeSpan Seed { get; set; }

        public TimeSpan StartUp { get; set; }

        public string BotBallots { get; set; } = "";

        public string StoreBallots { get; set; } = "";

        public string Started { get; set; } = "";

        public string Announced { get; set; } = "";

        public string Posted { get; set; } = "";

        public string Announcements { get; set; } = "";

        public string IdleMemory { get; set; } = "";

        public string PeakMemory { get; set; } = "";

        public string Row() => string.Create(CultureInfo.InvariantCulture,
            $"| {Store} | {Processes} | {Seed.TotalSeconds:0} s | {StartUp.TotalSeconds:0} s | {BotBallots} | {StoreBallots} | {Started} | {Announced} | {Posted} | {Announcements} | {IdleMemory} | {PeakMemory} |");
    }

    private static async Task<Result> RunStoreAsync(string storeName, Settings settings)
    {
        var result = new Result(storeName, settings.Processes);
        var clock = TimeProvider.System;
        var due = clock.GetUtcNow() + settings.Lead;
        due = new DateTimeOffset(due.Year, due.Month, due.Day, due.Hour, due.Minute, 0, TimeSpan.Zero).AddMinutes(1);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== {storeName}, {settings.Processes} process(es); {settings.Closing} votes close at {due:HH:mm:ss} UTC; {LoadAverage()}"));

        // Discord gives large bots an identify concurrency of 16: the shards of a process identify together.
        await using var emulator = await EmulatorProcess.StartAsync(maxConcurrency: 16);
        using var control = emulator.CreateControl();
        var phase = Stopwatch.StartNew();
        var guilds = new CreatedGuild[settings.Clubs];
        await Parallel.ForEachAsync(Enumerable.Range(0, settings.Clubs), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            guilds[i] = await control.CreateGuildAsync(
                new GuildSpec($"Club {i}", [new ChannelSpec("club")], Members: [.. Enumerable.Range(0, MembersPerClub).Select(m => new MemberSpec($"v{m}"))]), ct));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{settings.Clubs} guilds in the emulator in {phase.Elapsed.TotalSeconds:0.0} s"));

        string? folder = null;
        PostgresCluster? cluster = null;
        var storeSettings = new Dictionary<string, string>(StringComparer.Ordinal);
        if (storeName == "postgres")
        {
            cluster = await PostgresCluster.Shared;
            storeSettings["Storage:Provider"] = "Postgres";
            storeSettings["ConnectionStrings:Postgres"] = await cluster.CreateDatabaseAsync("scale");
        }
        else
        {
            folder = Path.Combine(Path.GetTempPath(), "listeningclub-bench", "scale-" + Guid.NewGuid().ToString("N"));
            storeSettings["Storage:DataFolder"] = folder;
        }

        try
        {
            phase.Restart();
            var clubs = await SeedAsync(storeSettings, guilds, settings.Closing, due);
            result.Seed = phase.Elapsed;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {clubs.Length} clubs in {result.Seed.TotalSeconds:0.0} s; {LoadAverage()}"));

            var bots = new List<BotChildProcess>();
            try
            {
                phase.Restart();
                var shards = Math.Max(settings.Processes, (settings.Clubs + 999) / 1000);
                for (var p = 0; p < settings.Processes; p++)
                {
                    if (p == 1 && !settings.StartTogether)
                    {
                        // The first process arms every track's trigger before the others start (see StartTogether).
                        await WaitForAsync(() => bots[0].Lines.Any(l => l.Contains("Track triggers rebuilt", StringComparison.Ordinal)), bots, TimeSpan.FromMinutes(30), "the first process rebuilt the triggers");
                    }

                    bots.Add(BotChildProcess.Start(new Dictionary<string, string>(storeSettings, StringComparer.Ordinal)
                    {
                        ["Discord:Token"] = emulator.BotToken,
                        ["Discord:ApiBaseUrl"] = emulator.ApiBaseUrl.ToString(),
                        ["Discord:ShardCount"] = shards.ToString(CultureInfo.InvariantCulture),
                        ["Discord:ShardIds"] = string.Create(CultureInfo.InvariantCulture, $"{p * shards / settings.Processes}-{((p + 1) * shards / settings.Processes) - 1}"),
                        ["Abuse:CommandsPerWindow"] = "1000",
                        ["Logging:LogLevel:Default"] = "Warning",
                        ["Logging:LogLevel:ListeningClub.Bot.Features.Schedule.TrackTriggers"] = "Information",
                        ["Logging:LogLevel:Quartz.Core.JobRunShell"] = "Debug", // "Calling Execute on job …": when each job started
                        ["Logging:Console:FormatterOptions:TimestampFormat"] = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z' ",
                        ["Logging:Console:FormatterOptions:UseUtcTimestamp"] = "true",
                    }));
                }

                await WaitForAsync(() => bots.All(b => b.Lines.Any(l => l.Contains("Track triggers rebuilt", StringComparison.Ordinal))), bots, TimeSpan.FromMinutes(30), "every process rebuilt its triggers");
                await WaitIdleAsync(bots);
                result.StartUp = phase.Elapsed;
                result.IdleMemory = string.Join(" / ", bots.Select(b => b.Memory().Rss.ToString("0", CultureInfo.InvariantCulture)));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{shards} shards over {bots.Count} process(es): identified, triggers rebuilt and idle after {result.StartUp.TotalSeconds:0.0} s; {LoadAverage()}"));
                foreach (var bot in bots)
                {
                    var (rss, peak) = bot.Memory();
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  bot {bot.Id}: idle VmRSS {rss:0.0} MB, VmHWM {peak:0.0} MB, CPU so far {bot.CpuTime().TotalSeconds:0.0} s"));
                }

                var voting = clubs[settings.Closing..];
                var confirmed = await BallotsThroughBotsAsync(control, voting, settings, result);
                result.StoreBallots = await StoreBallotsAsync(cluster, settings);

                await ClosesAsync(control, clubs[..settings.Closing], due, result);
                JobStarts(bots, clubs[..settings.Closing], due, result);
                result.PeakMemory = string.Join(" / ", bots.Select(b => b.Memory().Peak.ToString("0", CultureInfo.InvariantCulture)));
                foreach (var bot in bots)
                {
                    var (rss, peak) = bot.Memory();
                    var problems = bot.Lines.Where(l => l.Contains("fail:", StringComparison.Ordinal) || l.Contains("crit:", StringComparison.Ordinal)).ToList();
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  bot {bot.Id}: VmRSS {rss:0.0} MB, VmHWM {peak:0.0} MB, CPU {bot.CpuTime().TotalSeconds:0.0} s, {bot.Lines.Count(l => l.Contains("warn:", StringComparison.Ordinal))} warnings, {problems.Count} errors{(problems.Count > 0 ? ", first: " + problems[0] : "")}"));
                }

                foreach (var bot in bots)
                {
                    await bot.StopAsync(TimeSpan.FromSeconds(30));
                }

                await CheckStoreAsync(storeSettings, voting, confirmed, clubs[..settings.Closing], due, result);
            }
            finally
            {
                foreach (var bot in bots)
                {
                    await bot.DisposeAsync();
                }
            }
        }
        finally
        {
            if (folder is not null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        return result;
    }

    /// <summary>
    /// Every club through the application's services on the chosen store (as /club setup, /nominate and /vote would leave
    /// it): the first <paramref name="closing"/> clubs' votes close at <paramref name="due"/>, the others' three days later.
    /// No reminders or prompts, so that nothing else comes due during the run.
    /// </summary>
    private static async Task<Club[]> SeedAsync(Dictionary<string, string> storeSettings, CreatedGuild[] guilds, int closing, DateTimeOffset due)
    {
        static TrackSchedule ClosingAt(DateTimeOffset at) => TrackSchedule.Weekly with
        {
            NominationsOpen = new WeeklyTime(at.AddHours(2).DayOfWeek, TimeOnly.FromDateTime(at.AddHours(2).UtcDateTime)),
            VotingOpens = new WeeklyTime(at.AddDays(-1).DayOfWeek, TimeOnly.FromDateTime(at.UtcDateTime)),
            VotingCloses = new WeeklyTime(at.DayOfWeek, TimeOnly.FromDateTime(at.UtcDateTime)),
            VotingReminders = [],
            PromptDays = [],
        };

        // Seeding only: on PostgreSQL, commits do not wait for their WAL flush (the bots' own connections do). 16 at once:
        // every application lock held pins a pooled connection, and 64 seeds at once exhausted the pool of 100.
        var seeding = new Dictionary<string, string>(storeSettings, StringComparer.Ordinal);
        if (seeding.TryGetValue("ConnectionStrings:Postgres", out var connection))
        {
            seeding["ConnectionStrings:Postgres"] = new NpgsqlConnectionStringBuilder(connection) { Options = "-c synchronous_commit=off" }.ConnectionString;
        }

        await using var provider = StoreServices(seeding);
        var clubs = new Club[guilds.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, guilds.Length), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var guild = guilds[i];
            var (track, first) = await TrackTriggersScenario.SetUpClubAsync(
                provider, Id(guild.GuildId), Id(guild.Channels["club"]), ClosingAt(i < closing ? due : due.AddDays(3)), ct);
            clubs[i] = new Club(guild, track.Id, first.ToString());
        });
        return clubs;
    }

    private static ServiceProvider StoreServices(Dictionary<string, string> storeSettings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(storeSettings!).Build();
        var provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddClubStore()
            .AddClubApplication()
            .BuildServiceProvider();
        provider.OpenClubStore(); // now, not in the first of many parallel requests (the others would block thread-pool threads meanwhile)
        return provider;
    }

    /// <summary>Voters in a closed loop, each a random member of a random club: /vote, choose, submit, each step once answered.</summary>
    private static async Task<ConcurrentBag<(Club Club, ulong Member)>> BallotsThroughBotsAsync(EmulatorControl control, Club[] clubs, Settings settings, Result result)
    {
        var confirmed = new ConcurrentBag<(Club, ulong)>();
        var refused = 0;
        var stopAt = Stopwatch.GetTimestamp() + (settings.Seconds * Stopwatch.Frequency);
        var elapsed = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, settings.Voters).Select(v => Task.Run(async () =>
        {
            var random = new Random(v);
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var club = clubs[random.Next(clubs.Length)];
                var user = club.Guild.Users[$"v{random.Next(MembersPerClub)}"];
                if (await BallotAsync(control, club, user))
                {
                    confirmed.Add((club, Id(user)));
                }
                else
                {
                    Interlocked.Increment(ref refused);
                }
            }
        })));
        elapsed.Stop();
        result.BotBallots = string.Create(CultureInfo.InvariantCulture, $"{confirmed.Count / elapsed.Elapsed.TotalSeconds:0}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"through the bots: {confirmed.Count} ballots confirmed in {elapsed.Elapsed.TotalSeconds:0.0} s = {confirmed.Count / elapsed.Elapsed.TotalSeconds:0.0}/s at {settings.Voters} voters; not confirmed: {refused}; {LoadAverage()}"));
        return confirmed;
    }

    private static async Task<bool> BallotAsync(EmulatorControl control, Club club, string user)
    {
        var patience = TimeSpan.FromSeconds(30);
        var guild = club.Guild;
        var channel = guild.Channels["club"];
        var form = await control.WaitUntilAnsweredAsync((await control.SendCommandAsync(guild.GuildId, channel, user, "vote")).Id, patience);
        if (form.Original?["id"]?.GetValue<string>() is not { } message)
        {
            return false;
        }

        JsonObject Component(string customId, string? value) => value is null
            ? new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 }
            : new JsonObject { ["custom_id"] = customId, ["component_type"] = 3, ["values"] = new JsonArray(value) };
        await control.WaitUntilAnsweredAsync((await control.SendInteractionAsync(new InteractionSpec(channel, user, 3, Component($"ballot:choice:{club.Track}:0", club.Candidate), guild.GuildId, message))).Id, patience);
        var submitted = await control.WaitUntilAnsweredAsync((await control.SendInteractionAsync(new InteractionSpec(channel, user, 3, Component($"ballot:submit:{club.Track}", null), guild.GuildId, message))).Id, patience);
        return Content(submitted).Contains("✅ Your ballot", StringComparison.Ordinal);
    }

    /// <summary>
    /// The store alone: the storage ballot scenarios as child processes, the voters split over them (PostgreSQL: one per
    /// bot process, on a schema of their own in the same cluster, starting together; LiteDB: one process, its own file).
    /// </summary>
    private static async Task<string> StoreBallotsAsync(PostgresCluster? cluster, Settings settings)
    {
        string[][] children;
        string ready;
        if (cluster is not null)
        {
            var connection = await cluster.CreateSchemaAsync("writers");
            var startAt = TimeProvider.System.GetUtcNow().AddSeconds(5).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            children = [.. Enumerable.Range(0, settings.Processes).Select(p => new[]
            {
                "--modes", "group", "--voters", ((settings.Voters * (p + 1) / settings.Processes) - (settings.Voters * p / settings.Processes)).ToString(CultureInfo.InvariantCulture),
                "--seconds", settings.Seconds.ToString(CultureInfo.InvariantCulture), "--connection", connection, "--start-at", startAt,
            })];
            ready = PostgresBallotScenario.Name + " mode=";
        }
        else
        {
            children = [["--voters", settings.Voters.ToString(CultureInfo.InvariantCulture), "--seconds", settings.Seconds.ToString(CultureInfo.InvariantCulture), "--raw", "0"]];
            ready = "storage-ballots members=";
        }

        var scenario = cluster is not null ? PostgresBallotScenario.Name : "storage-ballots";
        var runs = await Task.WhenAll(children.Select(async args =>
        {
            await using var child = await ChildScenario.StartAsync(scenario, ready, args);
            var words = child.Ready.Select(w => w.Split('=', 2)).Where(w => w.Length == 2).ToDictionary(w => w[0], w => w[1], StringComparer.Ordinal);
            Console.WriteLine($"  store writer: {string.Join(' ', child.Ready)}");
            return (Acknowledged: long.Parse(words["acknowledged"], CultureInfo.InvariantCulture), Stored: long.Parse(words["stored"], CultureInfo.InvariantCulture), Seconds: double.Parse(words["seconds"], CultureInfo.InvariantCulture));
        }));
        var rate = runs.Sum(r => r.Acknowledged / r.Seconds);
        var lost = runs.Sum(r => r.Acknowledged - r.Stored);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"at the store: {rate:0} ballots/s from {runs.Length} process(es), {settings.Voters} writers; acknowledged but not stored: {lost}; {LoadAverage()}"));
        return string.Create(CultureInfo.InvariantCulture, $"{rate:0}{(lost > 0 ? $" ({lost} LOST)" : "")}");
    }

    /// <summary>
    /// Waits for the due minute, then for an announcement in every closing club's channel, then 15 s more for any second
    /// one; lateness of each first announcement's timestamp in the emulator against the due minute.
    /// </summary>
    private static async Task ClosesAsync(EmulatorControl control, Club[] closing, DateTimeOffset due, Result result)
    {
        var clock = TimeProvider.System;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"waiting {(due - clock.GetUtcNow()).TotalSeconds:0} s for the closes at {due:HH:mm:ss}"));
        if (due > clock.GetUtcNow())
        {
            await Task.Delay(due - clock.GetUtcNow());
        }

        var announced = new ConcurrentDictionary<string, List<DateTimeOffset>>(StringComparer.Ordinal);
        async Task ReadAsync(IEnumerable<Club> clubs) => await Parallel.ForEachAsync(clubs, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (club, ct) =>
        {
            var channel = club.Guild.Channels["club"];
            var messages = await control.MessagesAsync(channel, ct);
            announced[channel] = [.. messages.Where(IsAnnouncement).Select(m => DateTimeOffset.Parse(m.Message["timestamp"]!.GetValue<string>(), CultureInfo.InvariantCulture))];
        });
        while (clock.GetUtcNow() < due + TimeSpan.FromMinutes(5))
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            await ReadAsync(closing.Where(c => announced.GetValueOrDefault(c.Guild.Channels["club"]) is not { Count: > 0 }));
            if (closing.All(c => announced[c.Guild.Channels["club"]].Count > 0))
            {
                break;
            }
        }

        var done = clock.GetUtcNow() - due;
        await Task.Delay(TimeSpan.FromSeconds(15));
        await ReadAsync(closing);
        var counts = closing.Select(c => announced[c.Guild.Channels["club"]].Count).ToList();
        var missing = counts.Count(n => n == 0);
        var duplicated = counts.Count(n => n > 1);
        var posted = closing.SelectMany(c => announced[c.Guild.Channels["club"]].Take(1)).Select(t => (t - due).TotalMilliseconds).Order().ToArray();
        result.Posted = Spread(posted);
        result.Announcements = string.Create(CultureInfo.InvariantCulture, $"{counts.Sum()} ({missing} / {duplicated})");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"closes: {counts.Sum()} announcements in {closing.Length} channels, the last {done.TotalSeconds:0.0} s after the due minute; missing {missing}, more than one {duplicated}; posted after the due minute {Spread(posted)}; {LoadAverage()}"));
        if (duplicated > 0 || missing > 0)
        {
            Console.WriteLine($"VIOLATION: every close must be announced exactly once (channels with two or more: {duplicated}, with none: {missing})");
        }
    }

    /// <summary>The result announcement as ResultAnnouncement renders it, its embed titled with the pick.</summary>
    private static bool IsAnnouncement(MessageEntry message) => Text(message.Message).Contains("Stalker", StringComparison.Ordinal);

    /// <summary>
    /// Trigger lateness from the bots' logs: when Quartz started each closing track's job (its "Calling Execute on job"
    /// line, timestamped by the bot's console logger in UTC), against the due minute; and how many times each ran.
    /// </summary>
    private static void JobStarts(List<BotChildProcess> bots, Club[] closing, DateTimeOffset due, Result result)
    {
        const string Marker = "Calling Execute on job tracks.";
        var jobs = closing.Select(c => $"track-{c.Track}").ToHashSet(StringComparer.Ordinal);
        var runs = bots.SelectMany(b => b.Lines.Where(l => l.Contains(Marker, StringComparison.Ordinal)).Select(l => (Bot: b.Id, Line: l)))
            .Select(r => (r.Bot, At: DateTimeOffset.Parse(r.Line[..r.Line.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal), Job: r.Line[(r.Line.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)..].Trim()))
            .Where(r => r.At >= due.AddSeconds(-1) && jobs.Contains(r.Job))
            .GroupBy(r => r.Job)
            .ToList();
        var lateness = runs.Select(g => (g.Min(r => r.At) - due).TotalMilliseconds).Order().ToArray();
        var byProcess = string.Join(" / ", bots.Select(b => runs.Sum(g => g.Count(r => r.Bot == b.Id))));
        result.Started = Spread(lateness);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"close jobs started (bots' logs): {runs.Count} of {closing.Length} tracks, {runs.Sum(g => g.Count())} runs (by process: {byProcess}), tracks run more than once: {runs.Count(g => g.Count() > 1)}; lateness {Spread(lateness)}"));
    }

    /// <summary>After the bots stopped: every confirmed ballot in the store, and when each close announced its pick (the cycle's AnnouncedAt).</summary>
    private static async Task CheckStoreAsync(Dictionary<string, string> storeSettings, Club[] voting, ConcurrentBag<(Club Club, ulong Member)> confirmed, Club[] closing, DateTimeOffset due, Result result)
    {
        await using var provider = StoreServices(storeSettings);
        var cycles = provider.GetRequiredService<ICycleRepository>();
        var ballots = provider.GetRequiredService<IBallotRepository>();
        var lost = 0;
        foreach (var club in confirmed.Select(c => c.Club).Distinct())
        {
            var cycle = (await cycles.GetCurrentAsync(club.Track, CancellationToken.None))!;
            var members = (await ballots.ListByCycleAsync(cycle.Id, CancellationToken.None)).Select(b => b.MemberId).ToHashSet();
            lost += confirmed.Where(c => c.Club == club).Select(c => c.Member).Distinct().Count(m => !members.Contains(m));
        }

        var announced = new List<double>();
        foreach (var club in closing)
        {
            announced.AddRange((await cycles.ListByTrackAsync(club.Track, CancellationToken.None))
                .Where(c => c.AnnouncedAt >= due.AddMinutes(-1)).Select(c => (c.AnnouncedAt!.Value - due).TotalMilliseconds));
        }

        var sorted = announced.Order().ToArray();
        result.Announced = Spread(sorted);
        result.BotBallots += string.Create(CultureInfo.InvariantCulture, $" ({confirmed.Count} / {lost})");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"store: confirmed ballots missing: {lost}{(lost > 0 ? " LOST" : "")}; cycles announced {sorted.Length} of {closing.Length} (voting clubs not closing: {voting.Length}); announced after the due minute {Spread(sorted)}"));
    }

    private static async Task WaitForAsync(Func<bool> condition, List<BotChildProcess> bots, TimeSpan patience, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            var exited = bots.FirstOrDefault(b => b.HasExited);
            if (exited is not null || waited.Elapsed > patience)
            {
                var bot = exited ?? bots[0];
                throw new InvalidOperationException($"Gave up waiting for {what} (a bot exited: {exited is not null}); last output of bot {bot.Id}:\n{string.Join('\n', bot.Lines.TakeLast(40))}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Idle: the processes together used less than 5% of a core over the last 3 s (the catch-up pass is done).</summary>
    private static async Task WaitIdleAsync(List<BotChildProcess> bots)
    {
        var waited = Stopwatch.StartNew();
        var before = bots.Sum(b => b.CpuTime().TotalMilliseconds);
        while (waited.Elapsed < TimeSpan.FromMinutes(10))
        {
            await Task.Delay(3000);
            var now = bots.Sum(b => b.CpuTime().TotalMilliseconds);
            if (now - before < 150)
            {
                return;
            }

            before = now;
        }
    }

    private static string Spread(double[] sortedMs) => sortedMs.Length == 0
        ? "none"
        : string.Create(CultureInfo.InvariantCulture, $"{Percentile(sortedMs, 0.50) / 1000:0.00} / {Percentile(sortedMs, 0.99) / 1000:0.00} / {sortedMs[^1] / 1000:0.00} s");

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static ulong Id(string snowflake) => ulong.Parse(snowflake, CultureInfo.InvariantCulture);

    private static string LoadAverage() => "load " + File.ReadAllText("/proc/loadavg").Split(' ')[..3].Aggregate((a, b) => a + " " + b);
}
