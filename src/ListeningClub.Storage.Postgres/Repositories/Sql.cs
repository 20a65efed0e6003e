using ListeningClub.Storage.Postgres.Engine;
using Npgsql;

namespace ListeningClub.Storage.Postgres.Repositories;

/// <summary>Small helpers for the hand-written SQL: typed parameters, readers, and unique-key conflicts.</summary>
internal static class Sql
{
    public static NpgsqlParameter<Guid> Uuid(Guid value) => new() { TypedValue = value };

    /// <summary>A Discord id as the bigint with the same 64 bits (exact up to 2^64 − 1).</summary>
    public static NpgsqlParameter<long> Id(ulong value) => new() { TypedValue = unchecked((long)value) };

    public static ulong ToId(long value) => unchecked((ulong)value);

    public static NpgsqlParameter<string> Text(string value) => new() { TypedValue = value };

    public static NpgsqlParameter<long> Long(long value) => new() { TypedValue = value };

    public static NpgsqlParameter<int> Int(int value) => new() { TypedValue = value };

    public static NpgsqlParameter<bool> Bool(bool value) => new() { TypedValue = value };

    public static NpgsqlParameter Bytes(byte[]? value) => new() { Value = value is null ? DBNull.Value : value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bytea };

    public static NpgsqlParameter OptionalText(string? value) => new() { Value = value is null ? DBNull.Value : value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text };

    public static NpgsqlCommand Command(this NpgsqlDataSource dataSource, string sql, params NpgsqlParameter[] parameters)
    {
        var command = dataSource.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    public static NpgsqlCommand Command(this NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddRange(parameters);
        return command;
    }

    public static NpgsqlBatchCommand Statement(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    /// <summary>Every row's result of <paramref name="read"/> (a read: retried while the server cannot be reached).</summary>
    public static Task<List<T>> ListAsync<T>(this PostgresStore store, NpgsqlCommand command, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken) =>
        store.Retry.RunAsync(
            async ct =>
            {
                var list = new List<T>();
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    list.Add(read(reader));
                }

                return list;
            },
            repeatable: true,
            cancellationToken);

    /// <summary>The first row's result of <paramref name="read"/>, or default when there is none (a read: retried while the server cannot be reached).</summary>
    public static Task<T?> FirstOrDefaultAsync<T>(this PostgresStore store, NpgsqlCommand command, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
        where T : class =>
        store.Retry.RunAsync(
            async ct =>
            {
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                return await reader.ReadAsync(ct).ConfigureAwait(false) ? read(reader) : null;
            },
            repeatable: true,
            cancellationToken);

    /// <summary>The first column of the first row (a read: retried while the server cannot be reached).</summary>
    public static Task<object?> ScalarAsync(this PostgresStore store, NpgsqlCommand command, CancellationToken cancellationToken) =>
        store.Retry.RunAsync(command.ExecuteScalarAsync, repeatable: true, cancellationToken);

    /// <summary>
    /// Runs a write and returns the rows it touched. <paramref name="repeatable"/>: the write may run twice (an upsert or
    /// update keyed by the row), so it is retried even when the connection broke after it was sent; otherwise only when
    /// it never reached the server (see <see cref="StoreRetry"/>).
    /// </summary>
    public static Task<int> ExecuteAsync(this PostgresStore store, NpgsqlCommand command, bool repeatable, CancellationToken cancellationToken) =>
        store.Retry.RunAsync(command.ExecuteNonQueryAsync, repeatable, cancellationToken);

    /// <summary>
    /// Runs the statements <paramref name="statements"/> makes (fresh ones for each attempt) as one batch in one
    /// transaction, retried as <paramref name="repeatable"/> allows (see <see cref="ExecuteAsync"/>).
    /// </summary>
    public static Task InTransactionAsync(this PostgresStore store, Func<IEnumerable<NpgsqlBatchCommand>> statements, bool repeatable, CancellationToken cancellationToken) =>
        store.Retry.RunAsync(
            async ct =>
            {
                await using var connection = await store.DataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
                await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
                await using (var batch = new NpgsqlBatch(connection, transaction))
                {
                    foreach (var statement in statements())
                    {
                        batch.BatchCommands.Add(statement);
                    }

                    await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                await transaction.CommitAsync(ct).ConfigureAwait(false);
            },
            repeatable,
            cancellationToken);

    /// <summary>Awaits a write, turning a unique-key violation into a <see cref="PostgresConflictException"/> saying which rule.</summary>
    public static async Task TranslateConflicts(Task write, string rule)
    {
        try
        {
            await write.ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new PostgresConflictException(rule, ex);
        }
    }
}
