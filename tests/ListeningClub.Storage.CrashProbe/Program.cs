using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Common;
using ListeningClub.Storage.Configuration;
using ListeningClub.Storage.Engine;
using ListeningClub.Storage.Repositories;
using Microsoft.Extensions.Logging.Abstractions;

namespace ListeningClub.Storage.CrashProbe;

internal static class Program
{
    public const int FolderInUseExitCode = 3;

    /// <summary>The cycle every probe ballot is cast in (fixed, so the parent can read them back).</summary>
    public static readonly CycleId ProbeCycle = new(Guid.Parse("6d1c3b0e-7f43-4a8e-9a51-0c2b8f9e4d11"));

    public static async Task<int> Main(string[] args)
    {
        if (args.Length < 2)
        {
            await Console.Error.WriteLineAsync("usage: hold <folder> | ballots <folder> <writers> [checkpoint-pages] | make-v1 <folder>");
            return 64;
        }

        var options = new StorageOptions { DataFolder = args[1] };
        if (args is ["ballots", _, _, var checkpointPages])
        {
            // A small log limit makes the writer checkpoint every few commits, so kills also land inside checkpoints.
            options.CheckpointPages = int.Parse(checkpointPages, System.Globalization.CultureInfo.InvariantCulture);
        }

        try
        {
            return args[0] switch
            {
                "hold" => await HoldAsync(options),
                "ballots" => await BallotsAsync(options, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 16),
                "make-v1" => await MakeV1Async(options),
                _ => 64,
            };
        }
        catch (DataFolderInUseException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return FolderInUseExitCode;
        }
    }

    private static async Task<int> HoldAsync(StorageOptions options)
    {
        await using var store = LiteStore.Open(options, TimeProvider.System, NullLogger.Instance);
        Console.WriteLine("READY");
        while (await Console.In.ReadLineAsync() is { } line)
        {
            if (line == "quit")
            {
                break;
            }

            if (line.StartsWith("vote ", StringComparison.Ordinal))
            {
                var member = ulong.Parse(line.AsSpan(5), System.Globalization.CultureInfo.InvariantCulture);
                await new BallotRepository(store).UpsertAsync(NewBallot(member), CancellationToken.None);
                Console.WriteLine($"ack {member} end");
            }
        }

        return 0;
    }

    private static async Task<int> BallotsAsync(StorageOptions options, int writers)
    {
        var store = LiteStore.Open(options, TimeProvider.System, NullLogger.Instance);
        var ballots = new BallotRepository(store);
        var output = Console.Out;
        var gate = new Lock();

        // Fresh member ids per run: start above everything already stored.
        var next = (long)Random.Shared.NextInt64(1, long.MaxValue / 2);
        Console.WriteLine("READY");
        var voters = Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var member = (ulong)Interlocked.Increment(ref next);
                await ballots.UpsertAsync(NewBallot(member), CancellationToken.None);
                lock (gate)
                {
                    output.WriteLine($"ack {member} end");
                    output.Flush();
                }
            }
        }));
        await Task.WhenAll(voters);
        return 0;
    }

    private static async Task<int> MakeV1Async(StorageOptions options)
    {
        await using var store = LiteStore.Open(options, TimeProvider.System, NullLogger.Instance, targetVersion: 1);
        Console.WriteLine($"created {store.DatabasePath} at version {store.SchemaVersion}");
        return 0;
    }

    private static Ballot NewBallot(ulong member) => new()
    {
        CycleId = ProbeCycle,
        MemberId = member,
        Choices = [new NominationId(Guid.NewGuid()), new NominationId(Guid.NewGuid()), new NominationId(Guid.NewGuid())],
        CastAt = TimeProvider.System.GetUtcNow(),
    };
}
