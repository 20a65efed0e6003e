using ListeningClub.Domain.Common;
using ListeningClub.Storage.Postgres.Engine;
using ListeningClub.Storage.Postgres.Migrations;
using ListeningClub.Storage.Postgres.Repositories;
using ListeningClub.Storage.Postgres.Tests.Support;
using ListeningClub.Storage.Tests.Support;
using Npgsql;

namespace ListeningClub.Storage.Postgres.Tests.Engine;

/// <summary>PostgreSQL-only behaviour: migrations, the group-commit writer, and what an operator sees when the server is not there.</summary>
public sealed class PostgresStoreTests
{
    [Fact]
    public async Task Open_OnAnEmptySchema_MigratesToTheLatestVersion_OneRowPerStep()
    {
        var cluster = await PostgresCluster.Shared;
        var connectionString = await cluster.CreateSchemaAsync();

        await using var store = await PostgresStore.OpenAsync(new PostgresStoreSettings { ConnectionString = connectionString });

        Assert.Equal(PostgresStore.LatestSchemaVersion, store.SchemaVersion);
        Assert.Equal(Enumerable.Range(1, PostgresStore.LatestSchemaVersion), await VersionsAsync(connectionString));
    }

    [Fact]
    public async Task EightProcessesOpeningTheSameNewSchemaAtOnce_MigrateItOnce_AndAllWork()
    {
        var cluster = await PostgresCluster.Shared;
        var connectionString = await cluster.CreateSchemaAsync();

        // Eight stores with their own connection pools stand in for eight bot processes starting together.
        var stores = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => PostgresStore.OpenAsync(new PostgresStoreSettings { ConnectionString = connectionString }))));
        try
        {
            Assert.All(stores, s => Assert.Equal(PostgresStore.LatestSchemaVersion, s.SchemaVersion));
            Assert.Equal(Enumerable.Range(1, PostgresStore.LatestSchemaVersion), await VersionsAsync(connectionString));
            var cycle = CycleId.New();
            await Task.WhenAll(stores.Select((s, i) => new PostgresBallotRepository(s).UpsertAsync(Sample.Ballot(cycle, (ulong)i), default)));
            Assert.Equal(8, await new PostgresBallotRepository(stores[0]).CountByCycleAsync(cycle, default));
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Open_OnASchemaFromANewerVersion_IsRefusedWithOneLine_AndChangesNothing()
    {
        var cluster = await PostgresCluster.Shared;
        var connectionString = await cluster.CreateSchemaAsync();
        await (await PostgresStore.OpenAsync(new PostgresStoreSettings { ConnectionString = connectionString })).DisposeAsync();
        await ExecuteAsync(connectionString, $"INSERT INTO schema_version (component, version, description) VALUES ('club', {PostgresStore.LatestSchemaVersion + 1}, 'from the future')");

        var error = await Assert.ThrowsAsync<PostgresStoreException>(() => PostgresStore.OpenAsync(new PostgresStoreSettings { ConnectionString = connectionString }));

        Assert.Contains("newer than this version", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(Enumerable.Range(1, PostgresStore.LatestSchemaVersion + 1), await VersionsAsync(connectionString));
    }

    [Fact]
    public async Task ExtraSchema_IsMigratedWithTheClubTables_OnItsOwnVersionLine_AndOnlyOnce()
    {
        var cluster = await PostgresCluster.Shared;
        var connectionString = await cluster.CreateSchemaAsync();
        var extra = new SchemaComponent("extra", [new SchemaMigration(1, "a table", "CREATE TABLE extra_things (id int PRIMARY KEY)"), new SchemaMigration(2, "a row", "INSERT INTO extra_things VALUES (7)")]);
        var settings = new PostgresStoreSettings { ConnectionString = connectionString, ExtraSchema = [extra] };

        await (await PostgresStore.OpenAsync(settings)).DisposeAsync();
        await (await PostgresStore.OpenAsync(settings)).DisposeAsync(); // a second start: nothing to do (the INSERT would fail if run again)

        Assert.Equal(Enumerable.Range(1, PostgresStore.LatestSchemaVersion), await VersionsAsync(connectionString));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM schema_version WHERE component = 'extra'", connection);
        Assert.Equal(2L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Open_WhenNoServerListens_FailsWithOneLineNamingTheServer_WithoutThePassword()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lc-no-server-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var connectionString = $"Host={folder};Port=5432;Username=bot;Password=s3cret-pa55;Database=club;Timeout=3";

            var error = await Assert.ThrowsAsync<PostgresStoreException>(() => PostgresStore.OpenAsync(new PostgresStoreSettings { ConnectionString = connectionString }));

            Assert.Contains("\"club\"", error.Message, StringComparison.Ordinal);
            Assert.Contains(folder, error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("s3cret-pa55", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Open_WithAMissingDatabase_FailsWithOneLine()
    {
        var cluster = await PostgresCluster.Shared;

        var error = await Assert.ThrowsAsync<PostgresStoreException>(() =>
            PostgresStore.OpenAsync(new PostgresStoreSettings { ConnectionString = cluster.ConnectionString("no_such_database") }));

        Assert.Contains("no_such_database", error.Message, StringComparison.Ordinal);
        Assert.Contains("3D000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentBallots_ShareCommits_AndEachIsAcknowledgedOnlyOnceCommitted()
    {
        var store = (PostgresStoreUnderTest)await PostgresStoreUnderTest.OpenAsync();
        await using var _ = store;
        var cycle = CycleId.New();
        const int Voters = 64;
        const int BallotsEach = 10;
        var before = store.Store.GroupCommits;

        await Task.WhenAll(Enumerable.Range(0, Voters).Select(v => Task.Run(async () =>
        {
            for (var i = 0; i < BallotsEach; i++)
            {
                await store.Ballots.UpsertAsync(Sample.Ballot(cycle, (ulong)v), default);

                // Acknowledged means committed: another connection sees it at once.
                Assert.NotNull(await store.Ballots.GetAsync(cycle, (ulong)v, default));
            }
        })));

        Assert.Equal(Voters, await store.Ballots.CountByCycleAsync(cycle, default));
        Assert.True(store.Store.GroupCommits - before < Voters * BallotsEach, $"{store.Store.GroupCommits - before} commits for {Voters * BallotsEach} ballots: concurrent writers should share commits");
    }

    [Fact]
    public async Task ABallotBreakingARule_FailsAlone_AndTheOthersInItsBatchAreKept()
    {
        var store = (PostgresStoreUnderTest)await PostgresStoreUnderTest.OpenAsync();
        await using var _ = store;
        var cycle = CycleId.New();
        await ExecuteAsync(store.ConnectionString, "ALTER TABLE ballots ADD CONSTRAINT no_member_13 CHECK (member_id <> 13)");

        var writes = Enumerable.Range(0, 40).Select(m => Task.Run(() => store.Ballots.UpsertAsync(Sample.Ballot(cycle, (ulong)m), default))).ToList();
        var outcome = await Task.WhenAll(writes.Select(async w =>
        {
            try
            {
                await w;
                return true;
            }
            catch (PostgresException)
            {
                return false;
            }
        }));

        Assert.Equal(39, outcome.Count(ok => ok));
        Assert.Equal(39, await store.Ballots.CountByCycleAsync(cycle, default));
        Assert.Null(await store.Ballots.GetAsync(cycle, 13, default));
    }

    private static async Task<List<int>> VersionsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT version FROM schema_version WHERE component = 'club' ORDER BY version", connection);
        var versions = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
