using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ListeningClub.Domain.Common;
using ListeningClub.Storage.Configuration;
using ListeningClub.Storage.Engine;
using ListeningClub.Storage.Repositories;
using Microsoft.Extensions.Logging.Abstractions;

namespace ListeningClub.Benchmarks.Storage;

/// <summary>The crash-durability test at benchmark scale: start the probe, SIGKILL it at a random moment, reopen, check.</summary>
internal static partial class CrashRounds
{
    private static readonly CycleId ProbeCycle = new(Guid.Parse("6d1c3b0e-7f43-4a8e-9a51-0c2b8f9e4d11"));

    public static async Task<int> RunAsync(string probePath, int rounds, int writers)
    {
        using var folder = new ScratchFolder();
        var random = new Random(200);
        var acknowledged = new List<ulong>();
        var lost = 0;
        var reopenFailures = 0;
        var clock = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            // Every other round with a 50-page log limit, so kills also land inside the writer's checkpoints.
            acknowledged.AddRange(await RunProbeAsync(probePath, folder.Path, writers, random.Next(20, 400), round % 2 == 0 ? null : 50));
            try
            {
                await using var store = LiteStore.Open(new StorageOptions { DataFolder = folder.Path }, TimeProvider.System, NullLogger.Instance);
                var stored = (await new BallotRepository(store).ListByCycleAsync(ProbeCycle, CancellationToken.None)).Select(b => b.MemberId).ToHashSet();
                var missing = acknowledged.Count(id => !stored.Contains(id));
                if (missing > 0)
                {
                    Console.WriteLine($"round {round}: {missing} acknowledged ballots missing");
                }

                lost = Math.Max(lost, missing);
            }
            catch (Exception ex) when (ex is StorageFileException or IOException)
            {
                reopenFailures++;
                Console.WriteLine($"round {round}: the file did not reopen: {ex.Message}");
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"storage-crash rounds={rounds} writers={writers} acknowledged={acknowledged.Count} lost={lost} reopen-failures={reopenFailures} seconds={clock.Elapsed.TotalSeconds:F0}"));
        return lost == 0 && reopenFailures == 0 ? 0 : 1;
    }

    private static async Task<List<ulong>> RunProbeAsync(string probePath, string folder, int writers, int runMilliseconds, int? checkpointPages)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { probePath, "ballots", folder, writers.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(argument);
        }

        if (checkpointPages is { } pages)
        {
            info.ArgumentList.Add(pages.ToString(CultureInfo.InvariantCulture));
        }

        var acked = new List<ulong>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data == "READY")
            {
                ready.TrySetResult();
            }
            else if (e.Data is not null && AckLine().Match(e.Data) is { Success: true } match)
            {
                lock (acked)
                {
                    acked.Add(ulong.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture));
                }
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(runMilliseconds);
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        lock (acked)
        {
            return [.. acked];
        }
    }

    [GeneratedRegex(@"^ack (\d+) end$")]
    private static partial Regex AckLine();
}
