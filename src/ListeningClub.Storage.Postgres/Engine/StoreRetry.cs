using System.Net.Sockets;
using ListeningClub.Domain.Common;
using Npgsql;
using Polly;
using Polly.Retry;

namespace ListeningClub.Storage.Postgres.Engine;

/// <summary>
/// What the store does when PostgreSQL goes away (restarted, stopped, unreachable): which failures mean "the server is
/// not there right now", a short bounded retry (<see cref="MaxRetries"/> more attempts, exponential from
/// <see cref="FirstDelay"/> with jitter, on the store's <see cref="TimeProvider"/>), and one
/// <see cref="StoreUnavailableException"/> when retrying did not help. Every such failure also clears the connection
/// pool: the server's restart broke every idle connection in it, and the next attempt should dial a fresh one instead of
/// meeting the next broken one (Npgsql does not check a pooled connection before handing it out). It clears Npgsql's
/// process-wide pool for the same connection string too: what else in the process connects with it (Quartz's job store,
/// on PostgreSQL) would otherwise meet those broken connections after the restart. An operation that is safe to repeat (a read, an upsert or update keyed by the row, so a
/// retry after a commit whose answer was lost writes the same row again) is retried after any such failure; any other
/// only when it failed before reaching the server (the connection could not be opened), so nothing is applied twice.
/// </summary>
internal sealed class StoreRetry
{
    public const int MaxRetries = 3;

    public static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _connectionString;
    private readonly string _where;
    private readonly ResiliencePipeline _repeatable;
    private readonly ResiliencePipeline _notSentOnly;

    public StoreRetry(NpgsqlDataSource dataSource, string connectionString, string where, TimeProvider time)
    {
        _dataSource = dataSource;
        _connectionString = connectionString;
        _where = where;
        _repeatable = Build(IsUnavailable, time);
        _notSentOnly = Build(NeverReachedServer, time);
    }

    /// <summary>Runs <paramref name="operation"/>, retried as its kind allows; throws <see cref="StoreUnavailableException"/> once that did not help.</summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> operation, bool repeatable, CancellationToken cancellationToken)
    {
        try
        {
            return await (repeatable ? _repeatable : _notSentOnly)
                .ExecuteAsync(static async (state, ct) => await state(ct).ConfigureAwait(false), operation, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            ClearPools();
            throw Unavailable(ex);
        }
    }

    /// <inheritdoc cref="RunAsync{T}"/>
    public Task RunAsync(Func<CancellationToken, Task> operation, bool repeatable, CancellationToken cancellationToken) =>
        RunAsync(
            async ct =>
            {
                await operation(ct).ConfigureAwait(false);
                return true;
            },
            repeatable,
            cancellationToken);

    /// <summary>The one-line failure for the operator and the member's reply: where, and what PostgreSQL (or the socket) said.</summary>
    public StoreUnavailableException Unavailable(Exception ex) =>
        new($"PostgreSQL {_where} cannot be reached right now: {PostgresStore.Reason(ex)}", ex);

    /// <summary>
    /// The server is not there (or not for us) right now: it is shutting down, starting up or gone (SQLSTATE class 08,
    /// 57P01–57P03), or refuses more connections (53300), or Npgsql could not reach it or lost it mid-request (any other
    /// <see cref="NpgsqlException"/>: I/O, socket, timeout). A <see cref="PostgresException"/> about the request itself
    /// (a unique violation, a syntax error) is an answer from a running server, not this.
    /// </summary>
    public static bool IsUnavailable(Exception ex) => ex switch
    {
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal)
            || pg.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections,
        NpgsqlException or SocketException or IOException or TimeoutException => true,
        _ => false,
    };

    /// <summary>The failure came before the request reached a session: the socket could not connect, or the server refused the session (starting up, shutting down, full).</summary>
    public static bool NeverReachedServer(Exception ex) => ex switch
    {
        PostgresException pg => pg.SqlState is PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections,
        NpgsqlException { InnerException: SocketException } => true,
        SocketException => true,
        _ => false,
    };

    private ResiliencePipeline Build(Func<Exception, bool> retryable, TimeProvider time) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(retryable),
                MaxRetryAttempts = MaxRetries,
                Delay = FirstDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    if (args.Outcome.Exception is { } ex && IsUnavailable(ex))
                    {
                        ClearPools();
                    }

                    return default;
                },
            })
            .Build();

    private void ClearPools()
    {
        _dataSource.Clear();
        using var sameServer = new NpgsqlConnection(_connectionString);
        NpgsqlConnection.ClearPool(sameServer);
    }
}
