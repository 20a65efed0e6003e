using ListeningClub.Domain.Common;
using ListeningClub.Domain.Picks;
using ListeningClub.Storage.Postgres.Engine;
using ListeningClub.Storage.Postgres.Mapping;

namespace ListeningClub.Storage.Postgres.Repositories;

public sealed class PostgresPickRepository(PostgresStore store) : IPickRepository
{
    public async Task<Pick?> GetByCycleAsync(CycleId cycleId, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.Command("SELECT doc FROM picks WHERE cycle_id = $1", Sql.Uuid(cycleId.Value));
        return await store.FirstOrDefaultAsync(command, row => RowDocs.ReadPick(row.GetString(0)), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Pick>> ListByTrackAsync(TrackId trackId, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.Command("SELECT doc FROM picks WHERE track_id = $1", Sql.Uuid(trackId.Value));
        var picks = await store.ListAsync(command, row => RowDocs.ReadPick(row.GetString(0)), cancellationToken).ConfigureAwait(false);
        return picks.OrderBy(p => p.CycleNumber).ToList();
    }

    public async Task<IReadOnlyList<Pick>> ListByGuildAsync(ulong guildId, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.Command("SELECT doc FROM picks WHERE guild_id = $1", Sql.Id(guildId));
        var picks = await store.ListAsync(command, row => RowDocs.ReadPick(row.GetString(0)), cancellationToken).ConfigureAwait(false);
        return picks.OrderBy(p => p.AnnouncedAt).ThenBy(p => p.CycleNumber).ToList();
    }

    public async Task SaveAsync(Pick pick, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pick);
        await using var command = store.DataSource.Command(
            """
            INSERT INTO picks (cycle_id, track_id, guild_id, doc) VALUES ($1, $2, $3, $4)
            ON CONFLICT (cycle_id) DO UPDATE SET track_id = excluded.track_id, guild_id = excluded.guild_id, doc = excluded.doc
            """,
            Sql.Uuid(pick.CycleId.Value),
            Sql.Uuid(pick.TrackId.Value),
            Sql.Id(pick.GuildId),
            Sql.Text(RowDocs.Write(pick)));
        await store.ExecuteAsync(command, repeatable: true, cancellationToken).ConfigureAwait(false);
    }
}
