using ListeningClub.Domain.Common;
using ListeningClub.Domain.Ratings;
using ListeningClub.Storage.Postgres.Engine;
using ListeningClub.Storage.Postgres.Mapping;

namespace ListeningClub.Storage.Postgres.Repositories;

/// <summary>Ratings keyed by (cycle, member) like ballots: an upsert replaces the earlier one. Writes go through the group-commit writer.</summary>
public sealed class PostgresRatingRepository(PostgresStore store) : IRatingRepository
{
    public Task UpsertAsync(Rating rating, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rating);
        var doc = RowDocs.Write(rating);
        return store.Writer.WriteAsync(
            rating.CycleId.Value,
            unchecked((long)rating.MemberId),
            () => Sql.Statement(
                """
                INSERT INTO ratings (cycle_id, member_id, track_id, doc) VALUES ($1, $2, $3, $4)
                ON CONFLICT (cycle_id, member_id) DO UPDATE SET track_id = excluded.track_id, doc = excluded.doc
                """,
                Sql.Uuid(rating.CycleId.Value),
                Sql.Id(rating.MemberId),
                Sql.Uuid(rating.TrackId.Value),
                Sql.Text(doc)),
            cancellationToken);
    }

    public async Task<Rating?> GetAsync(CycleId cycleId, ulong memberId, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.Command("SELECT doc FROM ratings WHERE cycle_id = $1 AND member_id = $2", Sql.Uuid(cycleId.Value), Sql.Id(memberId));
        return await store.FirstOrDefaultAsync(command, row => RowDocs.ReadRating(row.GetString(0)), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Rating>> ListByCycleAsync(CycleId cycleId, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.Command("SELECT doc FROM ratings WHERE cycle_id = $1", Sql.Uuid(cycleId.Value));
        var ratings = await store.ListAsync(command, row => RowDocs.ReadRating(row.GetString(0)), cancellationToken).ConfigureAwait(false);
        ratings.Sort((a, b) => a.MemberId.CompareTo(b.MemberId));
        return ratings;
    }

    public async Task<IReadOnlyList<Rating>> ListByTrackAsync(TrackId trackId, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.Command("SELECT doc FROM ratings WHERE track_id = $1", Sql.Uuid(trackId.Value));
        var ratings = await store.ListAsync(command, row => RowDocs.ReadRating(row.GetString(0)), cancellationToken).ConfigureAwait(false);
        return ratings.OrderBy(r => r.RatedAt).ThenBy(r => r.CycleId.Value).ThenBy(r => r.MemberId).ToList();
    }
}
