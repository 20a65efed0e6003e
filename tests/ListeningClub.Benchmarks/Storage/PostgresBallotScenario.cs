using System.Diagnostics;
using System.Globalization;
using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Common;
using ListeningClub.Storage.Postgres.Engine;
using ListeningClub.Storage.Postgres.Repositories;
using ListeningClub.Storage.Postgres.Tests.Support;
using Npgsql;

namespace ListeningClub.Benchmarks.Storage;

/// <summary>
/// Durable ballots on PostgreSQL at N concurrent voters (default 64, then 1), each ballot a new member, in two modes:
/// <c>group</c>, the store's group-commit writer (what the bot uses), and <c>per-call</c>, one autocommit INSERT per
/// ballot on a pooled connection (the alternative the group writer was measured against). <c>--lanes N</c> sets the
/// group writer's lanes (default 2). Without
/// <c>--connection</c> it starts a throwaway cluster (fsync and synchronous_commit on) in the temp folder, on the real disk.
/// Each run writes to a cycle of its own, so that several processes can write to one store at once (<c>--start-at</c>,
/// Unix milliseconds: when to start, so that their runs overlap; the scale-out scenario uses both).
/// Run: <c>dotnet run -c Release --project tests/ListeningClub.Benchmarks -- --scenario storage-ballots-postgres --seconds 10</c>.
/// </summary>
public static class PostgresBallotScenario
{
    public const string Name = "storage-ballots-postgres";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args);
        var seconds = options.Get("seconds", 10);
        var modes = options.GetText("modes", "group,per-call").Split(',');
        var lanes = options.Get("lanes", new PostgresStoreSettings { ConnectionString = "" }.WriterLanes);
        var startAt = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(options.GetText("start-at", "0"), CultureInfo.InvariantCulture));
        PostgresCluster? cluster = null;
        var connection = options.GetText("connection", "");
        if (connection.Length == 0)
        {
            cluster = await PostgresCluster.Shared;
        }

        try
        {
            foreach (var mode in modes)
            {
                foreach (var voters in options.GetList("voters", [64, 1]))
                {
                    var schema = cluster is null ? connection : await cluster.CreateSchemaAsync("bench");
                    await using var store = await PostgresStore.OpenAsync(new PostgresStoreSettings { ConnectionString = schema, WriterLanes = lanes });
                    var ballots = new PostgresBallotRepository(store);
                    var cycle = new CycleId(Guid.NewGuid());
                    if (startAt > TimeProvider.System.GetUtcNow())
                    {
                        await Task.Delay(startAt - TimeProvider.System.GetUtcNow());
                    }

                    Func<Ballot, Task> write = mode switch
                    {
                        "group" => ballot => ballots.UpsertAsync(ballot, CancellationToken.None),
                        "per-call" => ballot => PerCallAsync(store, ballot),
                        _ => throw new ArgumentException($"Unknown mode {mode} (group, per-call)."),
                    };
                    var (acknowledged, elapsed, commits) = await RunVotersAsync(store, cycle, voters, seconds, write);
                    var stored = await ballots.CountByCycleAsync(cycle, CancellationToken.None);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{Name} mode={mode} lanes={(mode == "group" ? lanes : 0)} voters={voters} seconds={elapsed.TotalSeconds:F1} acknowledged={acknowledged} ballots/s={acknowledged / elapsed.TotalSeconds:F0} commits={(mode == "group" ? commits : acknowledged)} mean-batch={(mode == "group" ? (double)acknowledged / Math.Max(1, commits) : 1):F1} stored={stored}"));
                    if (stored != acknowledged)
                    {
                        Console.WriteLine($"LOST: {acknowledged - stored} acknowledged ballots are not stored");
                        return 1;
                    }
                }
            }

            return 0;
        }
        finally
        {
            cluster?.Stop();
        }
    }

    private static async Task<(long Acknowledged, TimeSpan Elapsed, long Commits)> RunVotersAsync(PostgresStore store, CycleId cycle, int voters, int seconds, Func<Ballot, Task> write)
    {
        long next = 0;
        var commitsBefore = store.GroupCommits;
        var stopAt = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var clock = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, voters).Select(_ => Task.Run(async () =>
        {
            long mine = 0;
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var member = (ulong)Interlocked.Increment(ref next);
                await write(Ballot(cycle, Scramble(member)));
                mine++;
            }

            return mine;
        })).ToList();
        var acknowledged = (await Task.WhenAll(tasks)).Sum();
        clock.Stop();
        return (acknowledged, clock.Elapsed, store.GroupCommits - commitsBefore);
    }

    /// <summary>One ballot, one autocommit statement on a pooled connection: acknowledged after its own commit.</summary>
    private static async Task PerCallAsync(PostgresStore store, Ballot ballot)
    {
        await using var command = store.DataSource.CreateCommand(
            "INSERT INTO ballots (cycle_id, member_id, choices, cast_at) VALUES ($1, $2, $3, $4) ON CONFLICT (cycle_id, member_id) DO UPDATE SET choices = excluded.choices, cast_at = excluded.cast_at");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = ballot.CycleId.Value });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = unchecked((long)ballot.MemberId) });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = ballot.Choices.Select(c => c.Value).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = ballot.CastAt.UtcTicks });
        await command.ExecuteNonQueryAsync();
    }

    private static Ballot Ballot(CycleId cycle, ulong member) => new()
    {
        CycleId = cycle,
        MemberId = member,
        Choices = [new NominationId(Guid.NewGuid()), new NominationId(Guid.NewGuid()), new NominationId(Guid.NewGuid())],
        CastAt = TimeProvider.System.GetUtcNow(),
    };

    private static ulong Scramble(ulong counter) => (counter * 0x9E3779B97F4A7C15UL) ^ 0x5DEECE66DUL;
}
