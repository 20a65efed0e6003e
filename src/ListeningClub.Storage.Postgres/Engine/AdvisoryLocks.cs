using Npgsql;

namespace ListeningClub.Storage.Postgres.Engine;

/// <summary>
/// PostgreSQL's session advisory locks, for bot instances sharing one database: a lock is held by a pooled connection
/// for as long as the holder needs it and released by the server if the holder's process dies (its session ends).
/// Keyed by (schema and kind, id), hashed by the server (<c>hashtext</c>), so bots in different schemas of one database
/// never wait for each other; two names with the same hash only wait for each other, which is safe.
/// </summary>
public sealed class AdvisoryLocks(PostgresStore store)
{
    private const string Key = "hashtext(current_schema() || '/' || $1), hashtext($2)";

    /// <summary>
    /// Waits for the lock (shared with other side-by-side holders, or exclusive); disposing the result releases it and never throws.
    /// While the server cannot be reached, retried as the store retries (a lock whose session broke is gone with it, so
    /// asking again on a fresh connection is safe), then <see cref="ListeningClub.Domain.Common.StoreUnavailableException"/>.
    /// </summary>
    public Task<IAsyncDisposable> AcquireAsync(string kind, string id, bool sideBySide, CancellationToken cancellationToken) =>
        store.Retry.RunAsync(ct => AcquireOnceAsync(kind, id, sideBySide, ct), repeatable: true, cancellationToken);

    /// <summary>The exclusive lock if nobody holds it now, otherwise null at once (retried as <see cref="AcquireAsync"/> is).</summary>
    public Task<IAsyncDisposable?> TryAcquireAsync(string kind, string id, CancellationToken cancellationToken) =>
        store.Retry.RunAsync(ct => TryAcquireOnceAsync(kind, id, ct), repeatable: true, cancellationToken);

    private async Task<IAsyncDisposable> AcquireOnceAsync(string kind, string id, bool sideBySide, CancellationToken cancellationToken)
    {
        var connection = await store.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, sideBySide ? $"SELECT pg_advisory_lock_shared({Key})" : $"SELECT pg_advisory_lock({Key})", kind, id, cancellationToken).ConfigureAwait(false);
            return new Held(connection, sideBySide ? $"SELECT pg_advisory_unlock_shared({Key})" : $"SELECT pg_advisory_unlock({Key})", kind, id);
        }
        catch
        {
            await AbandonAsync(connection).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<IAsyncDisposable?> TryAcquireOnceAsync(string kind, string id, CancellationToken cancellationToken)
    {
        var connection = await store.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await ExecuteAsync(connection, $"SELECT pg_try_advisory_lock({Key})", kind, id, cancellationToken).ConfigureAwait(false) is true)
            {
                return new Held(connection, $"SELECT pg_advisory_unlock({Key})", kind, id);
            }

            await connection.DisposeAsync().ConfigureAwait(false);
            return null;
        }
        catch
        {
            await AbandonAsync(connection).ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<object?> ExecuteAsync(NpgsqlConnection connection, string sql, string kind, string id, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = kind });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A wait that was cancelled or failed may still have been granted just as it ended: drop every lock of the session
    /// before the connection goes back to the pool (a broken connection has lost them with its session already).
    /// </summary>
    private static async Task AbandonAsync(NpgsqlConnection connection)
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", connection);
            await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
        {
            // The session is gone, and its locks with it.
        }

        await connection.DisposeAsync().ConfigureAwait(false);
    }

    private sealed class Held(NpgsqlConnection connection, string unlock, string kind, string id) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            try
            {
                await ExecuteAsync(connection, unlock, kind, id, CancellationToken.None).ConfigureAwait(false);
                await connection.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                await AbandonAsync(connection).ConfigureAwait(false);
            }
        }
    }
}
