using System.Net.Sockets;
using ListeningClub.Domain.Common;
using ListeningClub.Storage.Postgres.Migrations;
using Npgsql;

namespace ListeningClub.Storage.Postgres.Engine;

/// <summary>
/// The club store on PostgreSQL: one pooled <see cref="NpgsqlDataSource"/> per process, the schema migrated when it
/// opens, and the group-commit writer for ballots and ratings. Everything else commits its own short transaction
/// (PostgreSQL's own WAL flushing already groups concurrent commits).
/// </summary>
public sealed class PostgresStore : IAsyncDisposable
{
    private readonly GroupCommitWriter _writer;

    private PostgresStore(NpgsqlDataSource dataSource, PostgresStoreSettings settings, int schemaVersion, string description)
    {
        DataSource = dataSource;
        Description = description;
        SchemaVersion = schemaVersion;
        Retry = new StoreRetry(dataSource, settings.ConnectionString, description, settings.Time);
        _writer = new GroupCommitWriter(dataSource, Retry, settings.MaxBatchSize, settings.WriterLanes);
    }

    /// <summary>The club tables' schema version after opening (<see cref="LatestSchemaVersion"/>).</summary>
    public int SchemaVersion { get; }

    /// <summary>Where the store is, for the operator, never with the password: <c>"listeningclub" on db.example:5432 as bot</c>.</summary>
    public string Description { get; }

    public static int LatestSchemaVersion => MigrationCatalog.Club.Latest;

    /// <summary>Transactions the group-commit writer committed so far.</summary>
    public long GroupCommits => _writer.Commits;

    internal NpgsqlDataSource DataSource { get; }

    /// <summary>The bounded retry every repository operation runs in (see <see cref="StoreRetry"/>).</summary>
    internal StoreRetry Retry { get; }

    internal GroupCommitWriter Writer => _writer;

    /// <summary>
    /// Connects, checks the server and migrates the schema. Throws <see cref="PostgresStoreException"/> with one line for
    /// the operator when the server cannot be reached, refuses the credentials, lacks the database or schema, or holds a
    /// schema from a newer version.
    /// </summary>
    public static Task<PostgresStore> OpenAsync(PostgresStoreSettings settings, CancellationToken cancellationToken = default) =>
        Task.Run(() => Open(settings), cancellationToken);

    /// <inheritdoc cref="OpenAsync"/>
    public static PostgresStore Open(PostgresStoreSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        }
        catch (ArgumentException ex)
        {
            throw new PostgresStoreException($"ConnectionStrings:Postgres is not a valid PostgreSQL connection string: {ex.Message}", ex);
        }

        // The store sends the same few statements again and again: let Npgsql prepare them (unless the operator chose).
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 32;
        }

        var dataSource = NpgsqlDataSource.Create(builder);
        try
        {
            var versions = SchemaMigrator.Migrate(dataSource, [MigrationCatalog.Club, .. settings.ExtraSchema]);
            return new PostgresStore(dataSource, settings, versions[MigrationCatalog.Club.Name], Describe(builder));
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException or IOException)
        {
            dataSource.Dispose();
            throw new PostgresStoreException($"Cannot use the PostgreSQL database {Describe(builder)}: {Reason(ex)}", ex);
        }
        catch
        {
            dataSource.Dispose();
            throw;
        }
    }

    /// <summary>
    /// For health checks: true when a query round-trips (with the store's bounded retry, so a connection the server's
    /// restart broke is replaced, not reported); false with the reason while the server cannot be reached.
    /// </summary>
    public async Task<(bool Writable, string? Problem)> ProbeAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await Retry.RunAsync(
                async ct =>
                {
                    await using var command = DataSource.CreateCommand("SELECT 1");
                    await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
                },
                repeatable: true,
                cancellationToken).ConfigureAwait(false);
            return (true, null);
        }
        catch (StoreUnavailableException ex)
        {
            return (false, $"PostgreSQL does not answer: {Reason(ex.InnerException ?? ex)}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        await DataSource.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Where, without the password: "listeningclub on db.example:5432 as bot".</summary>
    internal static string Describe(NpgsqlConnectionStringBuilder builder) =>
        $"\"{builder.Database ?? builder.Username}\" on {builder.Host}:{builder.Port} as {builder.Username ?? "(default user)"}";

    /// <summary>What went wrong, in one line: PostgreSQL's message and SQLSTATE, or the socket's, or the exception's.</summary>
    internal static string Reason(Exception ex)
    {
        var reason = ex switch
        {
            PostgresException pg => $"{pg.MessageText} ({pg.SqlState})",
            _ when ex.InnerException is SocketException socket => socket.Message,
            _ => ex.Message,
        };
        return reason.ReplaceLineEndings(" ");
    }
}
