using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Storage.Postgres.Engine;
using ListeningClub.Storage.Postgres.Mapping;

namespace ListeningClub.Storage.Postgres.Repositories;

public sealed class PostgresCycleRepository(PostgresStore store) : ICycleRepository
{
    public async Task<Cycle?> GetAsync(CycleId id, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.Command("SELECT doc FROM cycles WHERE id = $1", Sql.Uuid(id.Value));
        return await store.FirstOrDefaultAsync(command, row => RowDocs.ReadCycle(row.GetString(0)), cancellationToken).ConfigureAwait(false);
    }

    public async Task<Cycle?> GetCurrentAsync(TrackId trackId, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.Command("SELECT doc FROM cycles WHERE track_id = $1 ORDER BY number DESC LIMIT 1", Sql.Uuid(trackId.Value));
        return await store.FirstOrDefaultAsync(command, row => RowDocs.ReadCycle(row.GetString(0)), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Cycle>> ListByTrackAsync(TrackId trackId, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.Command("SELECT doc FROM cycles WHERE track_id = $1 ORDER BY number", Sql.Uuid(trackId.Value));
        return await store.ListAsync(command, row => RowDocs.ReadCycle(row.GetString(0)), cancellationToken).ConfigureAwait(false);
    }

    public async Task SaveAsync(Cycle cycle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        await using var command = store.DataSource.Command(
            """
            INSERT INTO cycles (id, track_id, number, doc) VALUES ($1, $2, $3, $4)
            ON CONFLICT (id) DO UPDATE SET track_id = excluded.track_id, number = excluded.number, doc = excluded.doc
            """,
            Sql.Uuid(cycle.Id.Value),
            Sql.Uuid(cycle.TrackId.Value),
            Sql.Int(cycle.Number),
            Sql.Text(RowDocs.Write(cycle)));
        await Sql.TranslateConflicts(store.ExecuteAsync(command, repeatable: true, cancellationToken), $"The track already has a cycle number {cycle.Number}.").ConfigureAwait(false);
    }
}
