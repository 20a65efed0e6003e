using ListeningClub.Storage.Postgres.Migrations;
using Quartz;

namespace ListeningClub.Bot.Hosting;

/// <summary>
/// Quartz clustered on PostgreSQL: AdoJobStore on Npgsql with <c>quartz.jobStore.clustered = true</c>, so any instance
/// may fire any trigger and a trigger fires once across the cluster. Its tables are a store migration (component
/// <c>quartz</c> in <c>schema_version</c>) that runs Quartz's own PostgreSQL create script, shipped inside the Quartz
/// assembly, so the tables always match the Quartz version in use; the PostgreSQL store runs it at open. The bot's
/// scheduler is this whenever <c>Storage:Provider=Postgres</c> (<see cref="QuartzSetup"/>).
/// </summary>
public static class QuartzClustering
{
    /// <summary>The tables' prefix (Quartz's usual one), in the store's schema.</summary>
    public const string TablePrefix = "qrtz_";

    /// <summary>Quartz's create script inside its assembly (what its <c>SchemaProvisioning.CreateIfMissing</c> runs).</summary>
    private const string ScriptResource = "Quartz.Impl.AdoJobStore.Schema.create_postgres.sql";

    /// <summary>The store migrations that create Quartz's tables.</summary>
    public static SchemaComponent Schema { get; } =
        new("quartz", [new SchemaMigration(1, $"Quartz AdoJobStore tables (Quartz's own create_postgres.sql, prefix {TablePrefix})", CreateScript())]);

    /// <summary>
    /// Makes <paramref name="quartz"/> a clustered AdoJobStore on <paramref name="connectionString"/> (the tables must
    /// exist: the store's migration makes them). Each instance gets its own generated instance id.
    /// </summary>
    public static IQuartzBuilder UseClusteredPostgres(this IQuartzBuilder quartz, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(quartz);
        quartz.ConfigureScheduler(scheduler => scheduler.GenerateInstanceId = true);
        quartz.UsePersistentStore(store =>
        {
            store.UsePostgres(postgres => postgres.ConnectionString = connectionString);
            store.ConfigureStore(options => options.TablePrefix = TablePrefix);
            store.UseClustering(clustering =>
            {
                clustering.CheckinInterval = TimeSpan.FromSeconds(5);
                clustering.CheckinMisfireThreshold = TimeSpan.FromSeconds(20);
            });
            store.UseSystemTextJsonSerializer(_ => { });
        });
        return quartz;
    }

    private static string CreateScript()
    {
        using var stream = typeof(IScheduler).Assembly.GetManifestResourceStream(ScriptResource)
            ?? throw new InvalidOperationException($"The Quartz assembly has no {ScriptResource}: Quartz changed how it ships its PostgreSQL schema.");
        using var reader = new StreamReader(stream);

        // '{0}' is the table prefix, '{1}' the same without a schema qualifier (index and constraint names).
        return reader.ReadToEnd().Replace("{0}", TablePrefix, StringComparison.Ordinal).Replace("{1}", TablePrefix, StringComparison.Ordinal);
    }
}
