using System.Diagnostics;
using System.Globalization;
using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Common;
using ListeningClub.Storage.Configuration;
using ListeningClub.Storage.Engine;
using ListeningClub.Storage.Repositories;
using Microsoft.Extensions.Logging.Abstractions;

namespace ListeningClub.Benchmarks.Storage;

/// <summary>
/// Stopwatch-based storage scenarios (durable writes need a real disk and long runs, which BenchmarkDotNet's
/// iteration model does not fit). Run: <c>dotnet run -c Release --project tests/ListeningClub.Benchmarks -- --scenario storage-NAME [options]</c>.
/// Every scenario writes to a fresh folder under the system temp folder (on this machine, the real disk).
/// </summary>
public static class StorageScenarios
{
    public static bool Handles(string name) => name is "storage-ballots" or "storage-latency" or "storage-open" or "storage-crash";

    public static async Task<int> RunAsync(string name, string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = Options.Parse(args);
        return name switch
        {
            "storage-ballots" => await BallotThroughputAsync(options),
            "storage-latency" => await AckLatencyAsync(options),
            "storage-open" => await OpenAndLoadAsync(options),
            "storage-crash" => await CrashRoundsAsync(options),
            _ => 64,
        };
    }

    /// <summary>Durable ballot writes through the single writer: N concurrent voters (default 64, then 1), each ballot a new member.</summary>
    private static async Task<int> BallotThroughputAsync(Options options)
    {
        var seconds = options.Get("seconds", 10);
        var sequential = options.GetText("members", "random") == "sequential";
        foreach (var voters in options.GetList("voters", [64, 1]))
        {
            using var folder = new ScratchFolder();
            await using var store = LiteStore.Open(StoreOptions(folder, options), TimeProvider.System, NullLogger.Instance);
            var ballots = new BallotRepository(store);
            var cycle = CycleId.New();
            long next = 0;
            var commitsBefore = store.Commits;
            var stopAt = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
            var clock = Stopwatch.StartNew();
            var tasks = Enumerable.Range(0, voters).Select(_ => Task.Run(async () =>
            {
                long mine = 0;
                while (Stopwatch.GetTimestamp() < stopAt)
                {
                    var member = (ulong)Interlocked.Increment(ref next);
                    await ballots.UpsertAsync(Ballot(cycle, sequential ? member : Scramble(member)), CancellationToken.None);
                    mine++;
                }

                return mine;
            })).ToList();
            var acknowledged = (await Task.WhenAll(tasks)).Sum();
            clock.Stop();
            var commits = store.Commits - commitsBefore;
            var stored = await ballots.CountByCycleAsync(cycle, CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"storage-ballots members={(sequential ? "sequential" : "random")} voters={voters} seconds={clock.Elapsed.TotalSeconds:F1} acknowledged={acknowledged} ballots/s={acknowledged / clock.Elapsed.TotalSeconds:F0} commits={commits} mean-batch={(double)acknowledged / Math.Max(1, commits):F1} stored={stored} file-MB={new FileInfo(store.DatabasePath).Length / 1048576.0:F1}"));
            Console.WriteLine(WriterReport(store));
            if (stored != acknowledged)
            {
                Console.WriteLine("ERROR: stored ballots differ from acknowledged ballots");
                return 1;
            }
        }

        if (options.Get("raw", 1) == 1)
        {
            RawLiteDbBaseline(seconds);
        }

        return 0;
    }

    /// <summary>
    /// The same-moment baseline: plain LiteDB 5.0.20 (Connection=direct, default settings, its own per-page fsync),
    /// one auto-commit insert at a time, no single writer. Disk load on a shared machine moves every number; this one
    /// shows what the disk allowed during the run.
    /// </summary>
    private static void RawLiteDbBaseline(int seconds)
    {
        using var folder = new ScratchFolder();
        using var db = new LiteDB.LiteDatabase($"Filename={Path.Combine(folder.Path, "raw.db")};Connection=direct");
        var collection = db.GetCollection("ballots");
        var cycle = CycleId.New();
        var clock = Stopwatch.StartNew();
        var count = 0UL;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            collection.Insert(ListeningClub.Storage.Documents.BallotDocuments.ToDocument(Ballot(cycle, Scramble(++count))));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"storage-ballots baseline=raw-litedb-autocommit seconds={clock.Elapsed.TotalSeconds:F1} inserted={count} inserts/s={count / clock.Elapsed.TotalSeconds:F0} (not acknowledged-after-durable: LiteDB 5.0.20 returns before its log write)"));
    }

    /// <summary>Open-loop load: ballots offered at a fixed rate (default 5,000/s for 20 s); latency from each ballot's scheduled time to its acknowledgement.</summary>
    private static async Task<int> AckLatencyAsync(Options options)
    {
        var rate = options.Get("rate", 5000);
        var seconds = options.Get("seconds", 20);
        using var folder = new ScratchFolder();
        await using var store = LiteStore.Open(StoreOptions(folder, options), TimeProvider.System, NullLogger.Instance);
        var ballots = new BallotRepository(store);
        var cycle = CycleId.New();
        var total = rate * seconds;
        var latencies = new double[total];
        var pending = new List<Task>(total);
        var start = Stopwatch.GetTimestamp();
        var issued = 0;
        while (issued < total)
        {
            var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
            var due = Math.Min(total, (int)(elapsed * rate) + 1);
            for (; issued < due; issued++)
            {
                var index = issued;
                var scheduled = start + (long)((double)index / rate * Stopwatch.Frequency);
                pending.Add(Track(ballots.UpsertAsync(Ballot(cycle, Scramble((ulong)index + 1)), CancellationToken.None), scheduled, latencies, index));
            }

            await Task.Delay(1);
        }

        await Task.WhenAll(pending);
        var wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
        Array.Sort(latencies);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"storage-latency checkpoint-pages={store.CheckpointPages} offered={rate}/s seconds={seconds} ballots={total} achieved={total / wall:F0}/s commits={store.Commits} mean-batch={(double)total / Math.Max(1, store.Commits):F1} p50={Percentile(latencies, 0.50):F2}ms p90={Percentile(latencies, 0.90):F2}ms p99={Percentile(latencies, 0.99):F2}ms p99.9={Percentile(latencies, 0.999):F2}ms max={latencies[^1]:F2}ms"));
        Console.WriteLine(WriterReport(store));
        return 0;

        static async Task Track(Task write, long scheduled, double[] latencies, int index)
        {
            await write;
            latencies[index] = Stopwatch.GetElapsedTime(scheduled).TotalMilliseconds;
        }
    }

    /// <summary>Builds a ~25 MB database holding 1,000 clubs and their history, then times open + loading all clubs (5 runs).</summary>
    private static async Task<int> OpenAndLoadAsync(Options options)
    {
        var targetMegabytes = options.Get("mb", 25);
        using var folder = new ScratchFolder();
        var storageOptions = new StorageOptions { DataFolder = folder.Path };
        await StorageDataBuilder.BuildAsync(storageOptions, clubs: 1000, cyclesPerTrack: options.Get("cycles", 2), targetMegabytes);
        var size = new FileInfo(storageOptions.DatabasePath).Length;
        var runs = new List<double>();
        for (var run = 0; run < options.Get("runs", 5); run++)
        {
            var clock = Stopwatch.StartNew();
            await using (var store = LiteStore.Open(storageOptions, TimeProvider.System, NullLogger.Instance))
            {
                var clubs = await new ClubRepository(store).ListAsync(CancellationToken.None);
                clock.Stop();
                if (clubs.Count != 1000)
                {
                    Console.WriteLine($"ERROR: loaded {clubs.Count} clubs");
                    return 1;
                }
            }

            runs.Add(clock.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"storage-open file-MB={size / 1048576.0:F1} clubs=1000 open+load ms: first={runs[0]:F0} median={runs.Order().ElementAt(runs.Count / 2):F0} max={runs.Max():F0} (all: {string.Join(", ", runs.Select(r => r.ToString("F0", CultureInfo.InvariantCulture)))})"));
        return 0;
    }

    /// <summary>SIGKILL rounds against the crash probe (default 200): after each, the file must reopen with every acknowledged ballot.</summary>
    private static async Task<int> CrashRoundsAsync(Options options)
    {
        var rounds = options.Get("rounds", 200);
        var probe = options.GetText("probe", Path.GetFullPath(Path.Combine("tests", "ListeningClub.Storage.CrashProbe", "bin", "Release", "net10.0", "ListeningClub.Storage.CrashProbe.dll")));
        if (!File.Exists(probe))
        {
            Console.WriteLine($"ERROR: build the probe first (dotnet build -c Release tests/ListeningClub.Storage.CrashProbe); not found: {probe}");
            return 1;
        }

        return await CrashRounds.RunAsync(probe, rounds, options.Get("writers", 16));
    }

    /// <summary>Where the writer's time went, and the machine's load average (other sessions share the 2 cores and the disk).</summary>
    private static string WriterReport(LiteStore store)
    {
        var (execute, commit, durable) = store.WriterTimings;
        var (checkpoints, checkpointTime, longestCheckpoint) = store.CheckpointStats;
        return string.Create(CultureInfo.InvariantCulture,
            $"  writer-ms: execute={execute.TotalMilliseconds:F0} commit={commit.TotalMilliseconds:F0} durable={durable.TotalMilliseconds:F0} log: fsyncs={store.LogFsyncs} fsync-ms={store.LogFsyncTime.TotalMilliseconds:F0} written-MB={store.LogBytesWritten / 1048576.0:F0} largest-MB={store.LargestLogBytes / 1048576.0:F1} checkpoints={checkpoints} checkpoint-ms={checkpointTime.TotalMilliseconds:F0} longest-checkpoint-ms={longestCheckpoint.TotalMilliseconds:F1} data-fsyncs={store.DataFsyncs} data-fsync-ms={store.DataFsyncTime.TotalMilliseconds:F0} loadavg={LoadAverage()}");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static StorageOptions StoreOptions(ScratchFolder folder, Options options) => new()
    {
        DataFolder = folder.Path,
        CheckpointPages = options.Get("checkpoint", new StorageOptions().CheckpointPages),
        IdleCheckpointMilliseconds = options.Get("idle-ms", new StorageOptions().IdleCheckpointMilliseconds),
        MaxBatchSize = options.Get("batch", new StorageOptions().MaxBatchSize),
    };

    private static Ballot Ballot(CycleId cycle, ulong member) => new()
    {
        CycleId = cycle,
        MemberId = member,
        Choices = [new NominationId(Guid.NewGuid()), new NominationId(Guid.NewGuid()), new NominationId(Guid.NewGuid())],
        CastAt = TimeProvider.System.GetUtcNow(),
    };

    /// <summary>A distinct, well-spread member id per counter value (members vote in no particular id order).</summary>
    private static ulong Scramble(ulong counter) => (counter * 0x9E3779B97F4A7C15UL) ^ 0x5DEECE66DUL;

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
