using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ListeningClub.Application.Nominations;
using ListeningClub.Bot.Hosting;
using ListeningClub.Bot.Web;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;
using Microsoft.Extensions.DependencyInjection;
using static ListeningClub.Discord.Emulator.Control.Slash;

namespace ListeningClub.Benchmarks.Bot;

/// <summary>
/// The whole bot (gateway, router, handlers, domain, LiteDB on the real disk) under a steady mix of member
/// interactions from the emulator: a third /nominate, a third /nominations, a third ballot steps (/vote, choose,
/// submit — a ballot is those three interactions). Open loop: interactions are sent on schedule whatever the bot's
/// speed. Reports the turnaround the emulator saw (dispatch sent → callback received, so it includes the WebSocket
/// and HTTP hops on top of the bot's own work), missed 3-second deadlines, and whether every ballot the bot confirmed
/// is in the store afterwards. With archive readers (fifth argument), the bot's web archive is on and that many readers
/// (<see cref="ArchiveReaders"/>, think time the sixth argument in ms) read a club's pages throughout, from the same
/// process as the load driver: the web server must not slow the interactions, and pages must stay fast.
/// Run: dotnet run -c Release --project tests/ListeningClub.Benchmarks -- --scenario bot-interactions [seconds] [per-second] [members] [warm-up seconds] [archive readers] [think ms]
/// </summary>
public static class MixedInteractionsScenario
{
    public const string Name = "bot-interactions";

    public static async Task RunAsync(string[] args)
    {
        var seconds = Arg(args, 0, 60);
        var perSecond = Arg(args, 1, 500);
        var memberCount = Arg(args, 2, 1000);
        var warmup = Arg(args, 3, 10);
        var readerCount = Arg(args, 4, 0);
        var think = TimeSpan.FromMilliseconds(Arg(args, 5, 1000));
        var folder = Path.Combine(Path.GetTempPath(), "listeningclub-bench", Guid.NewGuid().ToString("N"));
        // The emulator runs in a child process, as Discord would: its work and garbage collections do not land on the bot.
        await using var emulator = await Discord.EmulatorProcess.StartAsync();
        using var control = emulator.CreateControl();
        var members = Enumerable.Range(0, memberCount).Select(i => $"m{i}").ToArray();
        var guild = await control.CreateGuildAsync(new GuildSpec(
            "Bench",
            [new ChannelSpec("film-night"), new ChannelSpec("album-club"), new ChannelSpec("archive-night")],
            Members: [new MemberSpec("boss", Permissions: "32"), .. members.Select(m => new MemberSpec(m))]));
        using var host = BotHost.CreateBuilder(
        [
            $"--Discord:Token={emulator.BotToken}",
            $"--Discord:ApiBaseUrl={emulator.ApiBaseUrl}",
            $"--Discord:DevelopmentGuildId={guild.GuildId}",
            $"--Storage:DataFolder={folder}",
            "--Abuse:CommandsPerWindow=1000",
            "--Logging:LogLevel:Default=Warning",
            .. readerCount > 0 ? ["--Web:Enabled=true", "--Web:Urls=http://127.0.0.1:0", "--Web:RequestsPerMinute=1000000"] : Array.Empty<string>(),
        ]).Build();
        await host.StartAsync();
        try
        {
            var driver = new Driver(control, guild);
            await Driver.WaitUntilAsync(async () => (await control.RequestsAsync()).Any(r => r.Method == "PUT"), "commands registered");
            await driver.AnsweredAsync("boss", "club", Sub("setup", ("name", "Film Night"), ("kind", "film"), ("channel", guild.Channels["film-night"]), ("timezone", "Europe/Berlin")), "film-night", "Created");
            await driver.AnsweredAsync("boss", "club", Sub("setup", ("name", "Album Club"), ("kind", "album"), ("channel", guild.Channels["album-club"]), ("timezone", "Europe/Berlin"), ("method", "instant-runoff"), ("ballot-size", 1)), "album-club", "Created");
            for (var i = 0; i < 10; i++)
            {
                await driver.AnsweredAsync(members[i], "nominate", Sub("album", ("title", $"Album {i}"), ("artist", $"Artist {i}")), "album-club", "New nomination!");
            }

            await driver.AnsweredAsync("boss", "club", Sub("open-voting", ("track", "Album Club")), "album-club", "Voting is open");
            var club = (await host.Services.GetRequiredService<IClubRepository>().GetAsync(ulong.Parse(guild.GuildId, CultureInfo.InvariantCulture), default))!;
            var album = club.Tracks.Single(t => t.Name == "Album Club");
            var candidates = (await host.Services.GetRequiredService<NominationService>().ListCurrentAsync(album, default)).Nominations.Select(n => n.Id.ToString()).ToArray();

            using var stopReading = new CancellationTokenSource();
            using var web = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(1, readerCount) });
            ArchiveReaders? readers = null;
            var reading = Task.CompletedTask;
            if (readerCount > 0)
            {
                await driver.AnsweredAsync("boss", "club", Sub("setup", ("name", "Archive Night"), ("kind", "film"), ("channel", guild.Channels["archive-night"]), ("timezone", "Europe/Berlin"), ("method", "schulze")), "archive-night", "Created");
                var archived = (await host.Services.GetRequiredService<IClubRepository>().GetAsync(club.GuildId, default))!.Tracks.Single(t => t.Name == "Archive Night");
                var pages = await ArchiveReaders.SeedAsync(host.Services, club.GuildId, archived, ballots: 500);
                web.BaseAddress = host.Services.GetRequiredService<WebServer>().Addresses[0];
                readers = new ArchiveReaders(web, pages, readerCount, think);
                reading = readers.RunAsync(stopReading.Token);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{readerCount} archive readers reading {web.BaseAddress}, think time {think.TotalMilliseconds:F0} ms"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Sending {perSecond}/s for {seconds} s from {memberCount} members ..."));
            // Warm-up at the same rate (JIT, tiered compilation, caches), left out of the numbers; then the measured run.
            await driver.RunAsync(members, album.Id.ToString(), candidates, perSecond, TimeSpan.FromSeconds(warmup));
            driver.StartMeasuring();
            readers?.Clear();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var run = await driver.RunAsync(members, album.Id.ToString(), candidates, perSecond, TimeSpan.FromSeconds(seconds));
            await Driver.WaitUntilAsync(() => Task.FromResult(driver.Pending == 0), "every ballot flow finished");
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            await stopReading.CancelAsync();
            await reading;
            readers?.Report(run);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"process CPU (bot + load driver; the emulator runs apart): {cpu.TotalSeconds:F1} s = {cpu.TotalMicroseconds / driver.Sent.Count():F0} us per interaction"));
            await Report(control, driver, run, host.Services, album);
        }
        finally
        {
            await host.StopAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task Report(EmulatorControl control, Driver driver, TimeSpan elapsed, IServiceProvider services, Track album)
    {
        var records = new List<InteractionRecord>();
        foreach (var chunk in driver.Sent.Chunk(64))
        {
            records.AddRange(await Task.WhenAll(chunk.Select(id => control.GetInteractionAsync(id))));
        }

        var answered = records.Where(r => r.AcknowledgedAfterMs is not null).Select(r => r.AcknowledgedAfterMs!.Value).Order().ToArray();
        double P(double q) => answered.Length == 0 ? double.NaN : answered[Math.Min(answered.Length - 1, (int)Math.Ceiling(q * answered.Length) - 1)];
        var stats = await control.StatsAsync();
        var cycle = (await services.GetRequiredService<ICycleRepository>().GetCurrentAsync(album.Id, default))!;
        var stored = (await services.GetRequiredService<IBallotRepository>().ListByCycleAsync(cycle.Id, default)).Select(b => b.MemberId).ToHashSet();
        var confirmed = driver.ConfirmedBallots.Keys.ToHashSet();
        var missing = confirmed.Count(m => !stored.Contains(m));
        foreach (var member in confirmed.Where(m => !stored.Contains(m)))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"LOST: member {member}, confirmed by submit interaction {driver.ConfirmedBallots[member]}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            interactions sent: {records.Count} in {elapsed.TotalSeconds:F1} s = {records.Count / elapsed.TotalSeconds:F0}/s (nominate {driver.Counts["nominate"]}, list {driver.Counts["nominations"]}, ballot steps {driver.Counts["ballot"]})
            answered: {answered.Length}; deadline misses (emulator): {stats.DeadlineMisses}; unanswered: {records.Count - answered.Length}
            turnaround dispatch sent -> callback received: p50 {P(0.50):F1} ms, p90 {P(0.90):F1} ms, p99 {P(0.99):F1} ms, max {P(1):F1} ms
            ballots confirmed to members: {confirmed.Count}; in the store: {stored.Count}; confirmed but missing: {missing}
            429s from the emulator: {stats.RateLimited}; messages that notified anyone: {stats.MessagesThatNotified}
            """));
    }

    private static int Arg(string[] args, int index, int fallback) =>
        args.Length > index && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    /// <summary>Sends interactions as members and follows each ballot flow (/vote → choose → submit) to its end.</summary>
    private sealed class Driver(EmulatorControl control, CreatedGuild guild)
    {
        private readonly ConcurrentQueue<string> _sent = new();
        private bool _measuring;
        private int _pending;

        public IEnumerable<string> Sent => _sent;

        /// <summary>From now on, interactions sent count in the numbers (the warm-up's do not).</summary>
        public void StartMeasuring()
        {
            Volatile.Write(ref _measuring, true);
            foreach (var key in Counts.Keys)
            {
                Counts[key] = 0;
            }
        }

        public int Pending => Volatile.Read(ref _pending);

        public ConcurrentDictionary<string, int> Counts { get; } = new(StringComparer.Ordinal) { ["nominate"] = 0, ["nominations"] = 0, ["ballot"] = 0 };

        public ConcurrentDictionary<ulong, string> ConfirmedBallots { get; } = new();

        public async Task<TimeSpan> RunAsync(string[] members, string trackId, string[] candidates, int perSecond, TimeSpan duration)
        {
            var total = (int)(perSecond * duration.TotalSeconds);
            var interval = TimeSpan.FromSeconds(1.0 / perSecond);
            var random = new Random(7);
            var clock = Stopwatch.StartNew();
            var flows = new List<Task>();
            for (var i = 0; i < total; i++)
            {
                var due = interval * i;
                if (due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed);
                }

                var member = members[random.Next(members.Length)];
                switch (i % 9)
                {
                    case 0 or 3 or 6:
                        Fire("nominate", SendCommandAsync(member, "nominate", Sub("film", ("title", $"Film {random.Next(300)}")), "film-night"));
                        break;
                    case 1 or 4 or 7:
                        Fire("nominations", SendCommandAsync(member, "nominations", null, "film-night"));
                        break;
                    case 2:
                        // One ballot is three interactions; the flow's later steps fill slots 5 and 8 of this round.
                        Interlocked.Increment(ref _pending);
                        flows.Add(BallotAsync(member, trackId, candidates[random.Next(candidates.Length)]));
                        break;
                }
            }

            await Task.WhenAll(flows);
            return clock.Elapsed;
        }

        /// <summary>Sends a command and waits for its answer; fails the run unless the answer says <paramref name="expect"/>.</summary>
        public async Task AnsweredAsync(string user, string command, JsonArray? options, string channel, string expect)
        {
            var answer = await AnswerAsync(await SendCommandAsync(user, command, options, channel));
            var text = Text(answer.Original ?? answer.Callbacks[^1]["data"] as JsonObject);
            if (!text.Contains(expect, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"/{command} answered \"{text}\", expected \"{expect}\".");
            }
        }

        public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
        {
            for (var i = 0; i < 6000; i++)
            {
                if (await condition())
                {
                    return;
                }

                await Task.Delay(10);
            }

            throw new TimeoutException($"Gave up waiting for {what}.");
        }

        private async Task BallotAsync(string member, string trackId, string choice)
        {
            try
            {
                Counts.AddOrUpdate("ballot", 3, (_, n) => n + 3);
                var form = await AnswerAsync(await SendCommandAsync(member, "vote", null, "album-club"));
                if (form.Original?["id"]?.GetValue<string>() is not { } message)
                {
                    return;
                }

                await AnswerAsync(await SendComponentAsync(member, $"ballot:choice:{trackId}:0", message, [choice]));
                var submitted = await AnswerAsync(await SendComponentAsync(member, $"ballot:submit:{trackId}", message, null));
                if (Text(submitted.Original ?? submitted.Callbacks[^1]["data"] as JsonObject).Contains("✅ Your ballot", StringComparison.Ordinal))
                {
                    ConfirmedBallots[ulong.Parse(guild.Users[member], CultureInfo.InvariantCulture)] = submitted.Id;
                }
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
        }

        private async Task<string> SendCommandAsync(string user, string command, JsonArray? options, string channel)
        {
            var sent = await control.SendCommandAsync(guild.GuildId, guild.Channels[channel], guild.Users[user], command, options);
            if (Volatile.Read(ref _measuring))
            {
                _sent.Enqueue(sent.Id);
            }
            return sent.Id;
        }

        private async Task<string> SendComponentAsync(string user, string customId, string messageId, IReadOnlyList<string>? values)
        {
            var data = new JsonObject { ["custom_id"] = customId, ["component_type"] = values is null ? 2 : 3 };
            if (values is not null)
            {
                data["values"] = new JsonArray(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
            }

            var sent = await control.SendInteractionAsync(new InteractionSpec(guild.Channels["album-club"], guild.Users[user], 3, data, guild.GuildId, messageId));
            if (Volatile.Read(ref _measuring))
            {
                _sent.Enqueue(sent.Id);
            }
            return sent.Id;
        }

        private async Task<InteractionRecord> AnswerAsync(string id)
        {
            InteractionRecord record = null!;
            await WaitUntilAsync(async () => (record = await control.GetInteractionAsync(id)).Callbacks.Count > 0 && (record.ResponseType is not 5 || record.Original?["content"] is not null), $"interaction {id}");
            return record;
        }

        private void Fire(string kind, Task<string> send)
        {
            Counts.AddOrUpdate(kind, 1, (_, n) => n + 1);
            _ = send.ContinueWith(t => Console.Error.WriteLine(t.Exception), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }
}
