using ListeningClub.Storage.Postgres.Engine;
using ListeningClub.Storage.Postgres.Tests.Support;
using Npgsql;

namespace ListeningClub.Storage.Postgres.Tests.Engine;

/// <summary>
/// The locks bot instances sharing one database take across each other (each <see cref="PostgresStore"/> here has its
/// own connection pool, as each bot process does).
/// </summary>
public sealed class AdvisoryLocksTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly List<PostgresStore> _stores = [];
    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await (await PostgresCluster.Shared).CreateSchemaAsync("locks");

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task SideBySideHolders_ShareTheLock_AndAnExclusiveOneWaitsForAllOfThem()
    {
        var (one, two) = (await InstanceAsync(), await InstanceAsync());
        var first = await one.AcquireAsync("track", "t1", sideBySide: true, default);
        var second = await two.AcquireAsync("track", "t1", sideBySide: true, default).WaitAsync(Patience);

        var exclusive = two.AcquireAsync("track", "t1", sideBySide: false, default);
        await first.DisposeAsync();
        Assert.False(await Finishes(exclusive), "an exclusive lock was granted while a shared holder still had it");

        await second.DisposeAsync();
        await using var granted = await exclusive.WaitAsync(Patience);
        Assert.Null(await one.TryAcquireAsync("track", "t1", default));
        Assert.NotNull(await one.TryAcquireAsync("track", "another track", default));
    }

    [Fact]
    public async Task AnExclusiveHolder_KeepsEveryoneOut_UntilItReleases()
    {
        var (one, two) = (await InstanceAsync(), await InstanceAsync());
        var held = await one.AcquireAsync("club", "42", sideBySide: false, default);

        var reader = two.AcquireAsync("club", "42", sideBySide: true, default);
        Assert.False(await Finishes(reader));
        Assert.Null(await two.TryAcquireAsync("club", "42", default));

        await held.DisposeAsync();
        await (await reader.WaitAsync(Patience)).DisposeAsync();
    }

    [Fact]
    public async Task AHolderWhoseProcessDies_LosesTheLock_SoAnotherInstanceGetsIt()
    {
        var dying = await InstanceAsync(pooling: false);
        var survivor = await InstanceAsync();
        _ = await dying.AcquireAsync("step", "t9", sideBySide: false, default);
        Assert.Null(await survivor.TryAcquireAsync("step", "t9", default));

        // The process is killed: its connections drop, and the server ends their sessions.
        await KillSessionsHoldingLocksAsync();

        await using var taken = await survivor.AcquireAsync("step", "t9", sideBySide: false, default).WaitAsync(Patience);
    }

    [Fact]
    public async Task AWaitThatIsCancelled_LeavesNoLockBehind()
    {
        var (one, two) = (await InstanceAsync(), await InstanceAsync());
        var held = await one.AcquireAsync("track", "t2", sideBySide: false, default);
        using var cancel = new CancellationTokenSource();
        var waiting = two.AcquireAsync("track", "t2", sideBySide: false, cancel.Token);
        Assert.False(await Finishes(waiting));

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience));
        await held.DisposeAsync();

        await using var free = await one.TryAcquireAsync("track", "t2", default);
        Assert.NotNull(free);
    }

    [Fact]
    public async Task TheSameNamesInAnotherSchema_AreAnotherBotsLocks()
    {
        var mine = await InstanceAsync();
        var otherBot = new AdvisoryLocks(await OpenAsync(await (await PostgresCluster.Shared).CreateSchemaAsync("other"), pooling: true));
        await using var held = await mine.AcquireAsync("track", "t3", sideBySide: false, default);

        await using var theirs = await otherBot.TryAcquireAsync("track", "t3", default);

        Assert.NotNull(theirs);
    }

    private async Task<AdvisoryLocks> InstanceAsync(bool pooling = true) => new(await OpenAsync(_connectionString, pooling));

    private async Task<PostgresStore> OpenAsync(string connectionString, bool pooling)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = pooling, ApplicationName = pooling ? "locks-test" : "locks-test-dying" };
        var store = await PostgresStore.OpenAsync(new PostgresStoreSettings { ConnectionString = builder.ConnectionString });
        _stores.Add(store);
        return store;
    }

    private async Task KillSessionsHoldingLocksAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'locks-test-dying'", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Whether <paramref name="wait"/> is granted while the test gives PostgreSQL ample time to grant it (a lock that is
    /// wrongly free is granted in a round trip). A lock rightly held is never granted, however long this waits.
    /// </summary>
    private static async Task<bool> Finishes(Task wait)
    {
        await Task.WhenAny(wait, Task.Delay(TimeSpan.FromMilliseconds(500)));
        return wait.IsCompleted;
    }
}
