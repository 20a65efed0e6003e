using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ListeningClub.Application.Clubs;
using ListeningClub.Bot.Hosting;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Discord.Emulator.Hosting;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Media;
using ListeningClub.Storage.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Benchmarks.Hosting;

/// <summary>
/// The built executable (<c>dotnet ListeningClub.Bot.dll</c>) against the emulator, with N clubs (one guild, channel
/// and film track each) in its store. For each of several starts on the same data folder: the time from process
/// start to the gateway IDENTIFY the emulator receives, then, once the bot has been idle (no REST request for 3 s,
/// after the catch-up pass), its memory from /proc: resident (RSS), proportional (PSS), private and anonymous, and again
/// once it has stayed idle for a while (the bot trims its heap once allocation has gone quiet). The first start runs
/// the catch-up for every track (a new cycle and a post each); later starts find nothing due.
/// Run: dotnet run -c Release --project tests/ListeningClub.Benchmarks -- --scenario startup [clubs] [starts] [--guilds N]
/// [--bot path/to/ListeningClub.Bot.dll] [--settle seconds] [--env NAME=VALUE]... [--hold seconds] [--detail]
/// (--guilds: servers the bot is in, default one per club; --bot: the bot built with the benchmarks by default;
/// --settle: how long the idle bot is watched after the first idle reading, default 30 s; --env: an environment variable
/// for the bot, e.g. DOTNET_GCgen0size=0x400000, repeatable; --hold: keep each idle bot running that long after the
/// readings, printing its pid, to inspect it with dotnet-counters or dotnet-gcdump; --detail lists the largest resident
/// mappings).
/// </summary>
public static class StartupScenario
{
    public const string Name = "startup";

    public static async Task RunAsync(string[] args)
    {
        var clubCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var starts = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var detail = args.Contains("--detail");
        var settle = TimeSpan.FromSeconds(Option(args, "--settle") is { } settleText ? double.Parse(settleText, CultureInfo.InvariantCulture) : 30);
        var hold = TimeSpan.FromSeconds(Option(args, "--hold") is { } holdText ? double.Parse(holdText, CultureInfo.InvariantCulture) : 0);
        var environment = args.Select((arg, i) => (arg, i)).Where(a => a.arg == "--env").Select(a => args[a.i + 1].Split('=', 2)).ToList();
        var botIndex = Array.IndexOf(args, "--bot");
        var guildsIndex = Array.IndexOf(args, "--guilds");
        var guildCount = guildsIndex >= 0 ? int.Parse(args[guildsIndex + 1], CultureInfo.InvariantCulture) : clubCount;
        var bot = botIndex >= 0 ? Path.GetFullPath(args[botIndex + 1]) : Path.Combine(AppContext.BaseDirectory, "ListeningClub.Bot.dll");
        var folder = Path.Combine(Path.GetTempPath(), "listeningclub-bench", Guid.NewGuid().ToString("N"));

        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorSettings { RateLimitsEnabled = false, ValidateContract = false });
        using var control = emulator.CreateControl();
        var guilds = new List<CreatedGuild>();
        for (var i = 0; i < Math.Max(clubCount, guildCount); i++)
        {
            guilds.Add(await control.CreateGuildAsync(new GuildSpec($"Club {i}", Channels: [new ChannelSpec("film-night")], Members: [new MemberSpec("manager", Permissions: "32")])));
        }

        var seeding = Stopwatch.StartNew();
        await SeedClubsAsync(folder, guilds.Take(clubCount).ToList());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {clubCount} clubs in {seeding.Elapsed.TotalSeconds:0.0} s into {folder}; bot: {bot}"));
        foreach (var pair in environment)
        {
            Console.WriteLine($"env {pair[0]}={pair[1]}");
        }

        var settings = new RunSettings(bot, folder, detail, settle, hold, environment.Select(pair => (pair[0], pair[1])).ToList());

        try
        {
            for (var run = 1; run <= starts; run++)
            {
                await StartOnceAsync(run, emulator, settings);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task SeedClubsAsync(string folder, IReadOnlyList<CreatedGuild> guilds)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddListeningClubStorage(o => o.DataFolder = folder)
            .AddClubApplication();
        await using var provider = services.BuildServiceProvider();
        var clubs = provider.GetRequiredService<ClubService>();
        await Parallel.ForEachAsync(guilds, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (guild, ct) =>
        {
            var track = await clubs.SetupTrackAsync(
                ulong.Parse(guild.GuildId, CultureInfo.InvariantCulture), "Film Night", MediaKind.Film, ulong.Parse(guild.Channels["film-night"], CultureInfo.InvariantCulture), "Europe/Berlin", TrackRules.Default, ct);
            if (!track.IsSuccess)
            {
                throw new InvalidOperationException(track.Problem!.Message);
            }
        });
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 ? args[index + 1] : null;
    }

    private sealed record RunSettings(string Bot, string Folder, bool Detail, TimeSpan Settle, TimeSpan Hold, IReadOnlyList<(string Name, string Value)> Environment);

    private static async Task StartOnceAsync(int run, DiscordEmulator emulator, RunSettings settings)
    {
        var folder = settings.Folder;
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(settings.Bot);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ListeningClub__Discord__Token"] = emulator.BotToken;
        start.Environment["ListeningClub__Discord__ApiBaseUrl"] = emulator.ApiBaseUrl.ToString();
        start.Environment["ListeningClub__Storage__DataFolder"] = folder;
        start.Environment["ListeningClub__Health__Port"] = FreePort().ToString(CultureInfo.InvariantCulture);
        foreach (var (name, value) in settings.Environment)
        {
            start.Environment[name] = value;
        }

        var identifiesBefore = emulator.Core.Stats.Identifies;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        while (emulator.Core.Stats.Identifies == identifiesBefore)
        {
            if (process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new InvalidOperationException($"No IDENTIFY (bot exited: {process.HasExited}).");
            }

            await Task.Delay(1);
        }

        var identify = clock.Elapsed;

        // Idle: at least 10 s after IDENTIFY and no REST request for the last 3 s (the catch-up pass and its posts are done).
        var requests = emulator.Core.Stats.Requests;
        var quietSince = Stopwatch.StartNew();
        while (quietSince.Elapsed < TimeSpan.FromSeconds(3) || clock.Elapsed < identify + TimeSpan.FromSeconds(10))
        {
            await Task.Delay(250);
            if (emulator.Core.Stats.Requests != requests)
            {
                requests = emulator.Core.Stats.Requests;
                quietSince.Restart();
            }
        }

        var settled = clock.Elapsed;
        var idle = Memory(process.Id);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"start {run}: IDENTIFY after {identify.TotalMilliseconds:0} ms; idle after {settled.TotalSeconds:0.0} s ({requests} REST requests so far); {idle}"));

        // Watched a while longer: the bot trims its heap once allocation has stayed low, and nothing else should change.
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < settings.Settle)
        {
            await Task.Delay(250);
        }

        var settledMemory = Memory(process.Id);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"start {run}: {settings.Settle.TotalSeconds:0} s later ({emulator.Core.Stats.Requests} REST requests so far): {settledMemory}"));

        if (settings.Detail)
        {
            PrintLargestMappings(process.Id);
        }

        if (settings.Hold > TimeSpan.Zero)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"start {run}: bot pid {process.Id} held for {settings.Hold.TotalSeconds:0} s"));
            await Task.Delay(settings.Hold);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"start {run}: after the hold: {Memory(process.Id)}"));
        }

        using var kill = Process.Start(new ProcessStartInfo("sh", ["-c", $"kill -TERM {process.Id.ToString(CultureInfo.InvariantCulture)}"]) { UseShellExecute = false })!;
        await kill.WaitForExitAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The bot exited with {process.ExitCode}.");
        }
    }

    /// <summary>kB from /proc/{pid}/smaps_rollup: resident, proportional, private (clean + dirty) and anonymous.</summary>
    private sealed record MemoryReading(long Rss, long Pss, long Private, long Anonymous)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"RSS {Rss / 1024.0:0.0} MB, PSS {Pss / 1024.0:0.0} MB, private {Private / 1024.0:0.0} MB, anonymous {Anonymous / 1024.0:0.0} MB");
    }

    private static MemoryReading Memory(int pid)
    {
        var fields = File.ReadAllLines($"/proc/{pid}/smaps_rollup")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[1].TrimEnd().EndsWith("kB", StringComparison.Ordinal))
            .ToDictionary(parts => parts[0], parts => long.Parse(parts[1].Trim()[..^2].Trim(), CultureInfo.InvariantCulture), StringComparer.Ordinal);
        return new MemoryReading(fields["Rss"], fields["Pss"], fields["Private_Clean"] + fields["Private_Dirty"], fields["Anonymous"]);
    }

    /// <summary>Resident kB per mapped file (or [heap], [anon], [stack]) from /proc/{pid}/smaps, largest first, and the totals by kind.</summary>
    private static void PrintLargestMappings(int pid)
    {
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var current = "";
        foreach (var line in File.ReadLines($"/proc/{pid}/smaps"))
        {
            var parts = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 5 && parts[0].Contains('-', StringComparison.Ordinal) && parts[1].Length == 4)
            {
                current = parts.Length == 6 ? Path.GetFileName(parts[5].Trim()) : "[anon]";
            }
            else if (line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                sizes[current] = sizes.GetValueOrDefault(current) + long.Parse(line[4..].Trim()[..^2].Trim(), CultureInfo.InvariantCulture);
            }
        }

        foreach (var (name, kb) in sizes.OrderByDescending(kv => kv.Value).Take(15))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {kb / 1024.0,7:0.0} MB  {name}"));
        }

        var files = sizes.Where(kv => !kv.Key.StartsWith('[') && !kv.Key.StartsWith("memfd:", StringComparison.Ordinal)).Sum(kv => kv.Value);
        var doubleMapped = sizes.Where(kv => kv.Key.StartsWith("memfd:", StringComparison.Ordinal)).Sum(kv => kv.Value);
        var anonymous = sizes.Where(kv => kv.Key.StartsWith('[')).Sum(kv => kv.Value);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    by kind: files {files / 1024.0:0.0} MB, JIT double mapping {doubleMapped / 1024.0:0.0} MB, anonymous/heap/stacks {anonymous / 1024.0:0.0} MB"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
