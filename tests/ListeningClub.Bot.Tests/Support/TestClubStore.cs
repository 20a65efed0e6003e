using ListeningClub.Storage.Postgres.Tests.Support;

namespace ListeningClub.Bot.Tests.Support;

/// <summary>The store a test bot keeps its clubs in.</summary>
public enum TestClubStore
{
    LiteDb,
    Postgres,
}

/// <summary>
/// Settings that put a test bot on a store. The default is LiteDB; <c>LISTENINGCLUB_TEST_STORE=Postgres</c> moves every
/// bot a test starts without naming a store onto PostgreSQL (.ci/run runs the end-to-end tests once more that way).
/// Each PostgreSQL bot gets a fresh schema in the test run's throwaway cluster (<see cref="PostgresCluster"/>).
/// </summary>
public static class TestClubStores
{
    public const string EnvironmentVariable = "LISTENINGCLUB_TEST_STORE";

    public static TestClubStore Default =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { } value && value.Equals(nameof(TestClubStore.Postgres), StringComparison.OrdinalIgnoreCase)
            ? TestClubStore.Postgres
            : TestClubStore.LiteDb;

    /// <summary>The configuration that selects <paramref name="store"/> (nothing for LiteDB, the default).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> SettingsAsync(TestClubStore store)
    {
        if (store == TestClubStore.LiteDb)
        {
            return new Dictionary<string, string>();
        }

        var cluster = await PostgresCluster.Shared;
        return new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = await cluster.CreateSchemaAsync("bot"),
        };
    }
}
