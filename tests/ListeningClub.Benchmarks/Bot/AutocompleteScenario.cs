using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ListeningClub.Benchmarks.Catalogue;
using ListeningClub.Bot.Hosting;
using ListeningClub.Catalogue.Fakes.Control;
using ListeningClub.Catalogue.Fakes.Seed;
using ListeningClub.Catalogue.Model;
using ListeningClub.Discord.Emulator.Control;
using Microsoft.Extensions.DependencyInjection;
using static ListeningClub.Discord.Emulator.Control.Slash;

namespace ListeningClub.Benchmarks.Bot;

/// <summary>
/// Members typing titles into /nominate's autocomplete, every keystroke an autocomplete interaction, through the whole
/// bot (in this process, so its catalogue can be watched) against the emulator and the TMDB / MusicBrainz / Cover Art
/// fakes, each in a child process, every catalogue service answering after a fixed latency. Guilds each have a film and
/// an album track; members type titles from the fakes' seed, half films and half albums, letter by letter at 150–300 ms
/// a key, with typos they notice and correct (each backspace a keystroke too), and pause between titles.
/// Reports the answer time the emulator saw (delivered → callback), missed 3-s deadlines, MusicBrainz requests per
/// second as the fakes' log shows them, where each answer came from (network, cache, typed text only) and the
/// catalogue cache's hit rate.
/// Run: dotnet run -c Release --project tests/ListeningClub.Benchmarks -- --scenario autocomplete [seconds] [members] [guilds] [latency-ms] [warm-up seconds]
/// </summary>
public static class AutocompleteScenario
{
    public const string Name = "autocomplete";

    private static readonly TimeSpan MinKey = TimeSpan.FromMilliseconds(150);
    private static readonly TimeSpan MaxKey = TimeSpan.FromMilliseconds(300);
    private const double TypoPerKey = 0.04;

    public static async Task RunAsync(string[] args)
    {
        var seconds = Arg(args, 0, 60);
        var memberCount = Arg(args, 1, 200);
        var guildCount = Arg(args, 2, 50);
        var latency = TimeSpan.FromMilliseconds(Arg(args, 3, 150));
        var warmup = Arg(args, 4, 5);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()}"));
        var folder = Path.Combine(Path.GetTempPath(), "listeningclub-bench", Guid.NewGuid().ToString("N"));
        await using var emulator = await Discord.EmulatorProcess.StartAsync();
        await using var fakes = await CatalogueFakesProcess.StartAsync(latency);
        using var control = emulator.CreateControl();

        var members = new List<Member>();
        var guilds = new List<CreatedGuild>();
        for (var g = 0; g < guildCount; g++)
        {
            var names = Enumerable.Range(0, memberCount).Where(i => i % guildCount == g).Select(i => $"m{i}").ToList();
            var guild = await control.CreateGuildAsync(new GuildSpec(
                $"Club {g}",
                [new ChannelSpec("film-night"), new ChannelSpec("album-club")],
                Members: [new MemberSpec($"boss{g}", Permissions: "32"), .. names.Select(n => new MemberSpec(n))]));
            guilds.Add(guild);
            members.AddRange(names.Select(n => new Member(n, guild)));
        }

        var builder = BotHost.CreateBuilder(
        [
            $"--Discord:Token={emulator.BotToken}",
            $"--Discord:ApiBaseUrl={emulator.ApiBaseUrl}",
            $"--Storage:DataFolder={folder}",
            $"--Catalogue:Tmdb:BaseUrl={fakes.TmdbBaseUrl}",
            $"--Catalogue:Tmdb:ApiKey={fakes.TmdbApiKey}",
            $"--Catalogue:MusicBrainz:BaseUrl={fakes.MusicBrainzBaseUrl}",
            "--Catalogue:MusicBrainz:Contact=bench@listeningclub.example",
            $"--Catalogue:CoverArt:BaseUrl={fakes.CoverArtBaseUrl}",
            "--Abuse:CommandsPerWindow=1000",
            "--Logging:LogLevel:Default=Warning",
        ]);
        CountingCatalogue.Decorate(builder.Services);
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var catalogue = host.Services.GetRequiredService<CountingCatalogue>();
            await WaitUntilAsync(async () => (await control.RequestsAsync()).Any(r => r.Method == "PUT"), "commands registered");
            await Task.WhenAll(guilds.Select(async (guild, g) =>
            {
                await AnsweredAsync(control, guild, $"boss{g}", "club", Sub("setup", ("name", "Film Night"), ("kind", "film"), ("channel", guild.Channels["film-night"]), ("timezone", "Europe/Berlin")), "film-night", "Created");
                await AnsweredAsync(control, guild, $"boss{g}", "club", Sub("setup", ("name", "Album Club"), ("kind", "album"), ("channel", guild.Channels["album-club"]), ("timezone", "Europe/Berlin")), "album-club", "Created");
            }));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{guildCount} guilds with a film and an album track; {memberCount} members typing for {seconds} s, catalogue latency {latency.TotalMilliseconds:F0} ms ..."));

            // Warm-up (JIT, connections, both catalogue paths) with words no seed title has, so the cache holds nothing
            // the measured run will ask for; then let the MusicBrainz queue drain.
            var driver = new Driver(control, members);
            if (warmup > 0)
            {
                await driver.RunAsync(TimeSpan.FromSeconds(warmup), gibberish: true);
                await Task.Delay(TimeSpan.FromSeconds(3));
            }

            catalogue.ResetCounts();
            var cacheBefore = catalogue.CacheStatistics;
            var mbBefore = (await fakes.RequestsAsync(FakeService.MusicBrainz)).Count;
            var tmdbBefore = (await fakes.RequestsAsync(FakeService.Tmdb)).Count;
            var deadlineMissesBefore = (await control.StatsAsync()).DeadlineMisses;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var measuredFrom = TimeProvider.System.GetUtcNow();
            var keys = await driver.RunAsync(TimeSpan.FromSeconds(seconds), gibberish: false);
            var measuredTo = TimeProvider.System.GetUtcNow();
            await Task.Delay(TimeSpan.FromSeconds(4)); // every answer is in, or its deadline has passed
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var cacheAfter = catalogue.CacheStatistics;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average after: {LoadAverage()}; bot + load driver CPU {cpu.TotalSeconds:F1} s = {cpu.TotalMilliseconds / Math.Max(1, keys.Count):F2} ms per keystroke (emulator and fakes run apart)"));

            var records = new List<InteractionRecord>();
            foreach (var chunk in keys.Chunk(64))
            {
                records.AddRange(await Task.WhenAll(chunk.Select(k => control.GetInteractionAsync(k.Id))));
            }

            var musicBrainz = (await fakes.RequestsAsync(FakeService.MusicBrainz)).ToList();
            var tmdb = (await fakes.RequestsAsync(FakeService.Tmdb)).Count - tmdbBefore;
            var stats = await control.StatsAsync();
            Report(keys, records, measuredTo - measuredFrom, driver.MaxSendLag);
            ReportSources(catalogue, records.Count);
            ReportCatalogue(musicBrainz, mbBefore, measuredFrom, measuredTo, tmdb, cacheBefore, cacheAfter);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"emulator: deadline misses {stats.DeadlineMisses - deadlineMissesBefore} in the run ({stats.DeadlineMisses} in all, warm-up and setup included), 429s {stats.RateLimited}"));
        }
        finally
        {
            await host.StopAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Report(IReadOnlyList<Keystroke> keys, List<InteractionRecord> records, TimeSpan elapsed, TimeSpan maxLag)
    {
        var byId = records.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var answered = records.Where(r => r.AcknowledgedAfterMs is not null).Select(r => r.AcknowledgedAfterMs!.Value).Order().ToArray();
        var missed = records.Count(r => r.DeadlineMissed);
        var withEntries = records.Count(r => Choices(r).Count > 1);
        var films = keys.Count(k => k.Kind == CatalogueKind.Film);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            keystrokes (autocompletes) sent: {keys.Count} in {elapsed.TotalSeconds:F1} s = {keys.Count / elapsed.TotalSeconds:F0}/s ({films} film, {keys.Count - films} album; {keys.Count(k => k.Last)} titles typed); the driver sent at most {maxLag.TotalMilliseconds:F0} ms behind schedule
            answered: {answered.Length}; unanswered: {records.Count - answered.Length}; missed 3-s deadlines: {missed}
            answer time delivered -> callback (emulator): p50 {P(answered, 0.50):F0} ms, p90 {P(answered, 0.90):F0} ms, p95 {P(answered, 0.95):F0} ms, p99 {P(answered, 0.99):F0} ms, max {P(answered, 1):F0} ms
            """));
        foreach (var kind in new[] { CatalogueKind.Film, CatalogueKind.Album })
        {
            var times = keys.Where(k => k.Kind == kind).Select(k => byId[k.Id].AcknowledgedAfterMs).OfType<double>().Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind,-5}: p50 {P(times, 0.50):F0} ms, p95 {P(times, 0.95):F0} ms, p99 {P(times, 0.99):F0} ms, max {P(times, 1):F0} ms"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"answers with catalogue entries: {withEntries} ({100.0 * withEntries / Math.Max(1, records.Count):F1}%); with only the typed text: {records.Count - withEntries}"));
        foreach (var kind in new[] { CatalogueKind.Film, CatalogueKind.Album })
        {
            var lasts = keys.Where(k => k.Last && k.Kind == kind).ToList();
            var offered = lasts.Count(k => Choices(byId[k.Id]).Any(c => Names(c, k.Title)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind,-5}: last keystroke of a title offered the title being typed: {offered} of {lasts.Count} ({100.0 * offered / Math.Max(1, lasts.Count):F1}%)"));
        }
    }

    private static void ReportSources(CountingCatalogue catalogue, int answers)
    {
        long C(AnswerSource s) => catalogue.Count(s);
        var network = C(AnswerSource.Network) + C(AnswerSource.NetworkNoMatch);
        var cache = C(AnswerSource.CacheExact) + C(AnswerSource.CacheAfterGivingUp) + C(AnswerSource.CacheWithoutAsking);
        var typed = C(AnswerSource.TypedAfterGivingUp) + C(AnswerSource.TypedWithoutAsking);
        var gaveUp = string.Join(", ", Enum.GetValues<CatalogueFailure>().Where(f => catalogue.GaveUp(f) > 0).Select(f => string.Create(CultureInfo.InvariantCulture, $"{f} {catalogue.GaveUp(f)}")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            where the bot's answers came from (counted at its ICatalogue; {network + cache + typed} of {answers} autocompletes):
              network (a request of its own or an identical one in flight, answered within the 2-s budget): {network} ({C(AnswerSource.NetworkNoMatch)} of them with no match)
              cache: {cache} (this exact search cached or needing no request {C(AnswerSource.CacheExact)}; a cached search for the text's start, after the network did not answer in time {C(AnswerSource.CacheAfterGivingUp)}, without asking it {C(AnswerSource.CacheWithoutAsking)})
              only the typed text: {typed} (network did not answer in time and nothing cached {C(AnswerSource.TypedAfterGivingUp)}; not asked (under 2 letters, or the album queue too long) and nothing cached {C(AnswerSource.TypedWithoutAsking)})
              searches that did not answer in time, by reason: {(gaveUp.Length == 0 ? "none" : gaveUp)}
            """));
    }

    private static void ReportCatalogue(List<LoggedRequest> musicBrainz, int before, DateTimeOffset from, DateTimeOffset to, int tmdb, ListeningClub.Catalogue.Caching.CatalogueCacheStatistics cacheBefore, ListeningClub.Catalogue.Caching.CatalogueCacheStatistics cacheAfter)
    {
        var times = musicBrainz.Select(r => r.Time).Order().ToList();
        var run = musicBrainz.Skip(before).ToList();
        var maxInWindow = MaxInAnyWindow(times, TimeSpan.FromSeconds(1));
        var gaps = times.Zip(times.Skip(1), (a, b) => (b - a).TotalMilliseconds).ToList();
        var seconds = (to - from).TotalSeconds;
        var hits = cacheAfter.Hits - cacheBefore.Hits;
        var misses = cacheAfter.Misses - cacheBefore.Misses;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            MusicBrainz (fakes' log, arrival times): {run.Count} requests in the run = {run.Count / seconds:F2}/s; {musicBrainz.Count} since start; most in any 1-s window: {maxInWindow}; closest two: {(gaps.Count == 0 ? double.NaN : gaps.Min()):F0} ms apart; answered 503 (over the per-address rate): {musicBrainz.Count(r => r.Status == 503)}; statuses {string.Join(", ", musicBrainz.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Key} x{g.Count()}"))}
            TMDB requests in the run: {tmdb} = {tmdb / seconds:F1}/s
            catalogue cache (ICatalogue.CacheStatistics, the run only): {hits} hits, {misses} misses, hit rate {(hits + misses == 0 ? 0 : 100.0 * hits / (hits + misses)):F1}%; {cacheAfter.Entries} entries held
            """));
    }

    /// <summary>The most timestamps inside any window [t, t + width) (a sliding window, not aligned seconds).</summary>
    private static int MaxInAnyWindow(List<DateTimeOffset> sorted, TimeSpan width)
    {
        var max = 0;
        var start = 0;
        for (var end = 0; end < sorted.Count; end++)
        {
            while (sorted[end] - sorted[start] >= width)
            {
                start++;
            }

            max = Math.Max(max, end - start + 1);
        }

        return max;
    }

    private static double P(double[] sorted, double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

    private static List<string> Choices(InteractionRecord record) =>
        record.Callbacks.Count == 0 || record.Callbacks[^1]["data"]?["choices"] is not JsonArray choices
            ? []
            : [.. choices.Select(c => c!["name"]!.GetValue<string>())];

    /// <summary>"Alien (1979)", "OK Computer (1997) — Radiohead" name the title "Alien", "OK Computer" ("Aliens (1986)" does not).</summary>
    private static bool Names(string choice, string title) =>
        !choice.EndsWith(" (as typed)", StringComparison.Ordinal)
        && (choice.Equals(title, StringComparison.OrdinalIgnoreCase)
            || choice.StartsWith(title + " (", StringComparison.OrdinalIgnoreCase)
            || choice.StartsWith(title + " —", StringComparison.OrdinalIgnoreCase));

    private static async Task AnsweredAsync(EmulatorControl control, CreatedGuild guild, string user, string command, JsonArray options, string channel, string expect)
    {
        var sent = await control.SendCommandAsync(guild.GuildId, guild.Channels[channel], guild.Users[user], command, options);
        var answer = await control.WaitUntilAnsweredAsync(sent.Id, TimeSpan.FromSeconds(30));
        var text = Text(answer.Original ?? answer.Callbacks[^1]["data"] as JsonObject);
        if (!text.Contains(expect, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"/{command} answered \"{text}\", expected \"{expect}\".");
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
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

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static int Arg(string[] args, int index, int fallback) =>
        args.Length > index && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private sealed record Member(string Name, CreatedGuild Guild);

    private sealed record Keystroke(string Id, CatalogueKind Kind, string Title, string Text, bool Last);

    /// <summary>Every member types on a timeline of its own; keystrokes go out on schedule whatever the bot's speed (open loop).</summary>
    private sealed class Driver(EmulatorControl control, IReadOnlyList<Member> members)
    {
        private static readonly string[] Films = [.. SeedFilms.All.Select(f => f.Title).Distinct(StringComparer.Ordinal)];
        private static readonly string[] Albums = [.. SeedAlbums.All.Where(a => a.PrimaryType == "Album").Select(a => a.Title).Distinct(StringComparer.Ordinal)];
        private static readonly string[] Nonsense = ["zqxv", "wuvk qopz", "jhazmo", "ykkvrb tumf"];
        private long _maxLagTicks;

        public TimeSpan MaxSendLag => TimeSpan.FromTicks(Interlocked.Read(ref _maxLagTicks));

        public async Task<IReadOnlyList<Keystroke>> RunAsync(TimeSpan duration, bool gibberish)
        {
            var clock = Stopwatch.StartNew();
            var sent = new ConcurrentQueue<Keystroke>();
            Interlocked.Exchange(ref _maxLagTicks, 0);
            await Task.WhenAll(members.Select((m, i) => TypeAsync(m, new Random(gibberish ? 1000 + i : i), clock, duration, gibberish, sent)));
            return [.. sent];
        }

        private async Task TypeAsync(Member member, Random random, Stopwatch clock, TimeSpan duration, bool gibberish, ConcurrentQueue<Keystroke> sent)
        {
            var due = TimeSpan.FromMilliseconds(random.Next(300)); // everyone starts at once, give or take a key
            while (due < duration)
            {
                var kind = random.Next(2) == 0 ? CatalogueKind.Film : CatalogueKind.Album;
                var title = gibberish ? Nonsense[random.Next(Nonsense.Length)] + " " + random.Next(1000).ToString(CultureInfo.InvariantCulture)
                    : kind == CatalogueKind.Film ? Films[random.Next(Films.Length)] : Albums[random.Next(Albums.Length)];
                var texts = Keystrokes(title, random);
                for (var i = 0; i < texts.Count && due < duration; i++)
                {
                    due += MinKey + ((MaxKey - MinKey) * random.NextDouble());
                    var wait = due - clock.Elapsed;
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait);
                    }
                    else
                    {
                        RecordLag(-wait);
                    }

                    if (texts[i].Trim().Length == 0)
                    {
                        continue;
                    }

                    var id = await SendAsync(member, kind, texts[i]);
                    sent.Enqueue(new Keystroke(id, kind, title, texts[i], i == texts.Count - 1));
                }

                // Reading the suggestions and choosing one (or giving up), then the next title.
                due += TimeSpan.FromMilliseconds(500 + random.Next(1500));
            }
        }

        private void RecordLag(TimeSpan lag)
        {
            var seen = Interlocked.Read(ref _maxLagTicks);
            while (lag.Ticks > seen)
            {
                var was = Interlocked.CompareExchange(ref _maxLagTicks, lag.Ticks, seen);
                if (was == seen)
                {
                    return;
                }

                seen = was;
            }
        }

        /// <summary>
        /// The text after each keystroke: the title (in lower case half the time) typed to its end or, half the time,
        /// stopped somewhere past its middle; now and then a wrong letter, noticed after 0–2 more letters and
        /// backspaced away letter by letter.
        /// </summary>
        private static List<string> Keystrokes(string title, Random random)
        {
            var target = random.Next(2) == 0 ? title.ToLowerInvariant() : title;
            var length = random.Next(2) == 0 ? target.Length : Math.Min(target.Length, Math.Max(3, (int)Math.Ceiling(target.Length * (0.5 + (0.5 * random.NextDouble())))));
            var texts = new List<string>();
            var typed = new StringBuilder();
            var at = 0;
            while (at < length)
            {
                if (random.NextDouble() < TypoPerKey)
                {
                    typed.Append((char)('a' + random.Next(26)));
                    texts.Add(typed.ToString());
                    var more = Math.Min(random.Next(3), length - at);
                    for (var k = 0; k < more; k++)
                    {
                        typed.Append(target[at + k]);
                        texts.Add(typed.ToString());
                    }

                    for (var k = 0; k <= more; k++)
                    {
                        typed.Length--;
                        texts.Add(typed.ToString());
                    }
                }

                typed.Append(target[at++]);
                texts.Add(typed.ToString());
            }

            return texts;
        }

        private async Task<string> SendAsync(Member member, CatalogueKind kind, string text)
        {
            var data = Autocomplete("nominate", kind == CatalogueKind.Film ? "film" : "album", "title", text);
            var channel = member.Guild.Channels[kind == CatalogueKind.Film ? "film-night" : "album-club"];
            var sent = await control.SendInteractionAsync(new InteractionSpec(channel, member.Guild.Users[member.Name], 4, data, member.Guild.GuildId));
            return sent.Id;
        }
    }
}
