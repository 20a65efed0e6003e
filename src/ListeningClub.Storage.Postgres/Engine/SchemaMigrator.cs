using ListeningClub.Storage.Postgres.Migrations;
using Npgsql;

namespace ListeningClub.Storage.Postgres.Engine;

/// <summary>
/// Brings the schema to <see cref="MigrationCatalog.Latest"/>. Holds a session advisory lock (keyed by the schema) for
/// the whole run, so several processes starting at once migrate one after another and the later ones find nothing to
/// do. Each step runs in its own transaction together with its row in <c>schema_version</c>.
/// </summary>
internal static class SchemaMigrator
{
    /// <summary>The advisory lock's first key ("LCMG"); the second is the schema name's hash.</summary>
    private const int LockClass = 0x4C434D47;

    public static async Task<int> MigrateAsync(NpgsqlDataSource dataSource, IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var schema = await ScalarAsync<string?>(connection, "SELECT current_schema()", cancellationToken).ConfigureAwait(false)
            ?? throw new PostgresStoreException("The PostgreSQL store has no schema to work in: the first schema of the connection's search_path does not exist (create it, or fix 'Search Path').");

        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({LockClass}, hashtext(current_schema()))", cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(
                connection,
                """
                CREATE TABLE IF NOT EXISTS schema_version (
                    version integer PRIMARY KEY,
                    description text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """,
                cancellationToken).ConfigureAwait(false);
            var current = await ScalarAsync<int>(connection, "SELECT coalesce(max(version), 0) FROM schema_version", cancellationToken).ConfigureAwait(false);
            var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
            if (current > latest)
            {
                throw new PostgresStoreException(
                    $"The PostgreSQL schema \"{schema}\" is at version {current}, newer than this version of ListeningClub knows ({latest}): run a newer version of the bot.");
            }

            foreach (var migration in migrations.Where(m => m.Version > current))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (var step = new NpgsqlCommand(migration.Sql, connection, transaction))
                {
                    await step.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await using (var record = new NpgsqlCommand("INSERT INTO schema_version (version, description) VALUES ($1, $2)", connection, transaction))
                {
                    record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Version });
                    record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Description });
                    await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                current = migration.Version;
            }

            return current;
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({LockClass}, hashtext(current_schema()))", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is DBNull or null ? default! : (T)value;
    }
}
