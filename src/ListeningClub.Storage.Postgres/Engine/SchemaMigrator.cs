using ListeningClub.Storage.Postgres.Migrations;
using Npgsql;

namespace ListeningClub.Storage.Postgres.Engine;

/// <summary>
/// Brings every schema component to its latest version. Holds a session advisory lock (keyed by the schema) for
/// the whole run, so several processes starting at once migrate one after another and the later ones find nothing to
/// do. It runs once at start, synchronously (like opening the LiteDB file). Each step runs in its own transaction together with its row in <c>schema_version</c>.
/// </summary>
internal static class SchemaMigrator
{
    /// <summary>The advisory lock's first key ("LCMG"); the second is the schema name's hash.</summary>
    private const int LockClass = 0x4C434D47;

    /// <returns>Each component's version afterwards.</returns>
    public static IReadOnlyDictionary<string, int> Migrate(NpgsqlDataSource dataSource, IReadOnlyList<SchemaComponent> components)
    {
        using var connection = dataSource.OpenConnection();
        var schema = Scalar<string?>(connection, "SELECT current_schema()")
            ?? throw new PostgresStoreException("The PostgreSQL store has no schema to work in: the first schema of the connection's search_path does not exist (create it, or fix 'Search Path').");

        Execute(connection, $"SELECT pg_advisory_lock({LockClass}, hashtext(current_schema()))");
        try
        {
            Execute(
                connection,
                """
                CREATE TABLE IF NOT EXISTS schema_version (
                    component text NOT NULL,
                    version integer NOT NULL,
                    description text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now(),
                    PRIMARY KEY (component, version))
                """);
            var versions = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var component in components)
            {
                versions[component.Name] = Migrate(connection, schema, component);
            }

            return versions;
        }
        finally
        {
            Execute(connection, $"SELECT pg_advisory_unlock({LockClass}, hashtext(current_schema()))");
        }
    }

    private static int Migrate(NpgsqlConnection connection, string schema, SchemaComponent component)
    {
        int current;
        using (var read = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_version WHERE component = $1", connection))
        {
            read.Parameters.Add(new NpgsqlParameter<string> { TypedValue = component.Name });
            current = (int)read.ExecuteScalar()!;
        }

        if (current > component.Latest)
        {
            throw new PostgresStoreException(
                $"The PostgreSQL schema \"{schema}\" has {component.Name} tables at version {current}, newer than this version of ListeningClub knows ({component.Latest}): run a newer version of the bot.");
        }

        foreach (var migration in component.Steps.Where(m => m.Version > current))
        {
            using var transaction = connection.BeginTransaction();
            using (var step = new NpgsqlCommand(migration.Sql, connection, transaction))
            {
                step.ExecuteNonQuery();
            }

            using (var record = new NpgsqlCommand("INSERT INTO schema_version (component, version, description) VALUES ($1, $2, $3)", connection, transaction))
            {
                record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = component.Name });
                record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Version });
                record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Description });
                record.ExecuteNonQuery();
            }

            transaction.Commit();
            current = migration.Version;
        }

        return current;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static T Scalar<T>(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        var value = command.ExecuteScalar();
        return value is DBNull or null ? default! : (T)value;
    }
}
