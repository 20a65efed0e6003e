using System.Collections.Concurrent;
using System.Net.Sockets;
using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Common;
using ListeningClub.Storage.Postgres.Engine;
using ListeningClub.Storage.Postgres.Repositories;
using ListeningClub.Storage.Postgres.Tests.Support;
using ListeningClub.Storage.Tests.Support;
using Npgsql;

namespace ListeningClub.Storage.Postgres.Tests.Engine;

/// <summary>
/// PostgreSQL restarting under the store (issue #17's fault test, at the store's level): each test has a cluster of its own,
/// stops its server (immediate: a crash; fast: an operator's restart) and starts it again. Writes that failed were never
/// acknowledged, acknowledged ones are kept, the failure is one <see cref="StoreUnavailableException"/> line, and the store
/// works again after the restart without being reopened. Tests wait for events, never for a time.
/// </summary>
public sealed class ServerRestartTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(PostgresShutdown.Immediate)]
    [InlineData(PostgresShutdown.Fast)]
    public async Task ServerRestartedMidBurst_NoFailedWriteIsAcknowledged_NoAcknowledgedOneIsLost_AndTheWriterServesLaterWrites(PostgresShutdown mode)
    {
        await using var cluster = await PostgresCluster.StartPrivateAsync();
        await using var store = await PostgresStore.OpenAsync(new PostgresStoreSettings { ConnectionString = await cluster.CreateSchemaAsync() });
        var ballots = new PostgresBallotRepository(store);
        var cycle = CycleId.New();
        const int Voters = 40;

        // Each voter casts versions 1, 2, 3, … of its ballot (the version is the ballot's CastAt ticks) until told to stop.
        var attempted = new long[Voters];
        var acknowledged = new long[Voters];
        var failures = new ConcurrentQueue<StoreUnavailableException>();
        var acks = 0;
        var burstRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var failedInOutage = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ackedAfterRestart = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var restarted = 0;
        using var stop = new CancellationTokenSource();
        var voters = Enumerable.Range(0, Voters).Select(v => Task.Run(async () =>
        {
            for (var version = 1L; !stop.IsCancellationRequested; version++)
            {
                Volatile.Write(ref attempted[v], version);
                try
                {
                    await ballots.UpsertAsync(Version(cycle, v, version), default);
                    Volatile.Write(ref acknowledged[v], version);
                    if (Interlocked.Increment(ref acks) == Voters * 5)
                    {
                        burstRunning.TrySetResult();
                    }

                    if (Volatile.Read(ref restarted) == 1)
                    {
                        ackedAfterRestart.TrySetResult();
                    }
                }
                catch (StoreUnavailableException ex)
                {
                    failures.Enqueue(ex);
                    failedInOutage.TrySetResult();
                }
            }
        })).ToList();

        await burstRunning.Task.WaitAsync(Patience);
        await cluster.StopServerAsync(mode);
        await failedInOutage.Task.WaitAsync(Patience);
        await cluster.StartServerAsync();
        Volatile.Write(ref restarted, 1);
        await ackedAfterRestart.Task.WaitAsync(Patience);
        await stop.CancelAsync();
        await Task.WhenAll(voters); // any other exception than StoreUnavailableException fails the test here

        Assert.NotEmpty(failures);
        Assert.All(failures, f =>
        {
            Assert.StartsWith("PostgreSQL ", f.Message, StringComparison.Ordinal);
            Assert.Contains("cannot be reached right now", f.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', f.Message);
        });

        // Every acknowledged ballot is there: the stored version is the last acknowledged one, or a later attempt whose
        // commit went through while its answer was lost (never acknowledged, so nothing was promised about it).
        for (var v = 0; v < Voters; v++)
        {
            var stored = await ballots.GetAsync(cycle, (ulong)v, default);
            Assert.NotNull(stored);
            Assert.InRange(stored.CastAt.UtcTicks - Sample.Now.UtcTicks, acknowledged[v], attempted[v]);
        }

        // The writer's loops survived the outage: every voter's next ballot is acknowledged and stored.
        await Task.WhenAll(Enumerable.Range(0, Voters).Select(v => ballots.UpsertAsync(Version(cycle, v, attempted[v] + 1), default)));
        for (var v = 0; v < Voters; v++)
        {
            Assert.Equal(attempted[v] + 1, (await ballots.GetAsync(cycle, (ulong)v, default))!.CastAt.UtcTicks - Sample.Now.UtcTicks);
        }
    }

    [Theory]
    [InlineData(PostgresShutdown.Immediate)]
    [InlineData(PostgresShutdown.Fast)]
    public async Task AfterARestart_TheFirstReadSucceeds_AndWhileDown_ReadsAndTheProbeSaySoInOneLine(PostgresShutdown mode)
    {
        await using var cluster = await PostgresCluster.StartPrivateAsync();
        await using var store = await PostgresStore.OpenAsync(new PostgresStoreSettings { ConnectionString = await cluster.CreateSchemaAsync() });
        var ballots = new PostgresBallotRepository(store);
        var cycle = CycleId.New();
        await ballots.UpsertAsync(Sample.Ballot(cycle, 7), default);

        // Eight connections idle in the pool; the restart breaks them all without the store noticing.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => ballots.ListByCycleAsync(cycle, default))));
        await cluster.StopServerAsync(mode);
        await cluster.StartServerAsync();

        Assert.NotNull(await ballots.GetAsync(cycle, 7, default));
        Assert.Equal((true, null), await store.ProbeAsync());

        await cluster.StopServerAsync(mode);

        var (writable, problem) = await store.ProbeAsync();
        Assert.False(writable);
        Assert.StartsWith("PostgreSQL does not answer: ", problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem!);
        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => ballots.GetAsync(cycle, 7, default));
        Assert.DoesNotContain('\n', error.Message);
        await Assert.ThrowsAsync<StoreUnavailableException>(() => ballots.UpsertAsync(Sample.Ballot(cycle, 8), default));

        await cluster.StartServerAsync();

        Assert.Equal((true, null), await store.ProbeAsync());
        await ballots.UpsertAsync(Sample.Ballot(cycle, 9), default);
        Assert.Equal([7UL, 9UL], (await ballots.ListByCycleAsync(cycle, default)).Select(b => b.MemberId).Where(m => m != 8));
    }

    [Theory]
    [InlineData(PostgresErrorCodes.AdminShutdown, true)]
    [InlineData(PostgresErrorCodes.CrashShutdown, true)]
    [InlineData(PostgresErrorCodes.CannotConnectNow, true)]
    [InlineData(PostgresErrorCodes.ConnectionFailure, true)]
    [InlineData(PostgresErrorCodes.UniqueViolation, false)]
    [InlineData(PostgresErrorCodes.CheckViolation, false)]
    [InlineData(PostgresErrorCodes.SyntaxError, false)]
    public void AServerAnswer_CountsAsUnavailable_OnlyWhenItIsAboutTheConnection(string sqlState, bool unavailable)
    {
        Assert.Equal(unavailable, StoreRetry.IsUnavailable(new PostgresException("message", "FATAL", "FATAL", sqlState)));
    }

    [Fact]
    public void OnlyAFailureBeforeTheRequestReachedTheServer_IsRetriedForAWriteThatIsNotSafeToRepeat()
    {
        Assert.True(StoreRetry.NeverReachedServer(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.True(StoreRetry.NeverReachedServer(new PostgresException("the database system is starting up", "FATAL", "FATAL", PostgresErrorCodes.CannotConnectNow)));
        Assert.False(StoreRetry.NeverReachedServer(new NpgsqlException("Exception while reading from stream", new EndOfStreamException())));
        Assert.False(StoreRetry.NeverReachedServer(new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown)));
    }

    private static Ballot Version(CycleId cycle, int voter, long version) =>
        Sample.Ballot(cycle, (ulong)voter) with { CastAt = Sample.Now.AddTicks(version) };
}
