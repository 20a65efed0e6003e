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
/// after the catch-up pass), its resident and private memory from /proc. The first start runs the catch-up for every
/// track (a new cycle and a post each); later starts find nothing due.
/// Run: dotnet run -c Release --project tests/ListeningClub.Benchmarks -- --scenario startup [clubs] [starts] [--guilds N] [--bot path/to/ListeningClub.Bot.dll] [--detail]
/// (--guilds: servers the bot is in, default one per club; --bot: the bot built with the benchmarks by default;
/// --detail lists the largest resident mappings).
/// </summary>
public static class StartupScenario
{
    public const string Name = "startup";

    public static async Task RunAsync(string[] args)
    {
        var clubCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var starts = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var detail = args.Contains("--detail");
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

        try
        {
            for (var run = 1; run <= starts; run++)
            {
                await StartOnceAsync(run, bot, emulator, folder, detail);
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

    private static async Task StartOnceAsync(int run, string bot, DiscordEmulator emulator, string folder, bool detail)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(bot);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ListeningClub__Discord__Token"] = emulator.BotToken;
        start.Environment["ListeningClub__Discord__ApiBaseUrl"] = emulator.ApiBaseUrl.ToString();
        start.Environment["ListeningClub__Storage__DataFolder"] = folder;
        start.Environment["ListeningClub__Health__Port"] = FreePort().ToString(CultureInfo.InvariantCulture);

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
        var memory = Memory(process.Id);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"start {run}: IDENTIFY after {identify.TotalMilliseconds:0} ms; idle after {settled.TotalSeconds:0.0} s ({requests} REST requests so far); RSS {memory.Rss / 1024.0:0.0} MB, private {memory.Private / 1024.0:0.0} MB, anonymous {memory.Anonymous / 1024.0:0.0} MB"));

        if (detail)
        {
            PrintLargestMappings(process.Id);
        }

        using var kill = Process.Start(new ProcessStartInfo("sh", ["-c", $"kill -TERM {process.Id.ToString(CultureInfo.InvariantCulture)}"]) { UseShellExecute = false })!;
        await kill.WaitForExitAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The bot exited with {process.ExitCode}.");
        }
    }

    /// <summary>kB from /proc/{pid}/smaps_rollup: resident, private (clean + dirty) and anonymous.</summary>
    private static (long Rss, long Private, long Anonymous) Memory(int pid)
    {
        var fields = File.ReadAllLines($"/proc/{pid}/smaps_rollup")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[1].TrimEnd().EndsWith("kB", StringComparison.Ordinal))
            .ToDictionary(parts => parts[0], parts => long.Parse(parts[1].Trim()[..^2].Trim(), CultureInfo.InvariantCulture), StringComparer.Ordinal);
        return (fields["Rss"], fields["Private_Clean"] + fields["Private_Dirty"], fields["Anonymous"]);
    }

    /// <summary>Resident kB per mapped file (or [heap], [anon]) from /proc/{pid}/smaps, largest first.</summary>
    private static void PrintLargestMappings(int pid)
    {
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var current = "";
        foreach (var line in File.ReadLines($"/proc/{pid}/smaps"))
        {
            var parts = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 5 && parts[0].Contains('-', StringComparison.Ordinal) && !line.Contains(':', StringComparison.Ordinal) || (parts.Length >= 5 && parts[0].Contains('-', StringComparison.Ordinal) && parts[1].Length == 4))
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
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
