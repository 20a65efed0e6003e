using ListeningClub.Storage.Postgres.Migrations;

namespace ListeningClub.Storage.Postgres.Engine;

/// <summary>How to reach the database and how the group-commit writer batches.</summary>
public sealed record PostgresStoreSettings
{
    /// <summary>An Npgsql connection string (<c>Host=…;Database=…;Username=…;Password=…</c>; a folder as Host means a unix socket).</summary>
    public required string ConnectionString { get; init; }

    /// <summary>The most ballot or rating writes committed in one transaction.</summary>
    public int MaxBatchSize { get; init; } = 1024;

    /// <summary>Group-commit lanes: batches in flight at once (writes of one row always share a lane, so they stay in order).</summary>
    public int WriterLanes { get; init; } = 2;

    /// <summary>More schema the host keeps in the same database, migrated with the club tables at open (e.g. Quartz's tables).</summary>
    public IReadOnlyList<SchemaComponent> ExtraSchema { get; init; } = [];

    /// <summary>The clock the retry waits on between attempts when the server cannot be reached (see <see cref="StoreRetry"/>).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
