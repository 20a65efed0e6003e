using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Common;
using ListeningClub.Storage.Postgres.Engine;
using Npgsql;

namespace ListeningClub.Storage.Postgres.Repositories;

/// <summary>Ballots keyed by (cycle, member): an upsert replaces the member's earlier ballot. Writes go through the group-commit writer.</summary>
public sealed class PostgresBallotRepository(PostgresStore store) : IBallotRepository
{
    public Task UpsertAsync(Ballot ballot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        return store.Writer.UpsertBallotAsync(
            new BallotRow(ballot.CycleId.Value, unchecked((long)ballot.MemberId), ballot.Choices.Select(c => c.Value).ToArray(), ballot.CastAt.UtcTicks),
            cancellationToken);
    }

    public Task DeleteAsync(CycleId cycleId, ulong memberId, CancellationToken cancellationToken) =>
        store.Writer.WriteAsync(
            cycleId.Value,
            unchecked((long)memberId),
            () => Sql.Statement("DELETE FROM ballots WHERE cycle_id = $1 AND member_id = $2", Sql.Uuid(cycleId.Value), Sql.Id(memberId)),
            cancellationToken);

    public async Task<Ballot?> GetAsync(CycleId cycleId, ulong memberId, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.Command(
            "SELECT cycle_id, member_id, choices, cast_at FROM ballots WHERE cycle_id = $1 AND member_id = $2",
            Sql.Uuid(cycleId.Value),
            Sql.Id(memberId));
        return await store.FirstOrDefaultAsync(command, Read, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The cycle's ballots by member id (unsigned order, as the LiteDB store's key range returns them).</summary>
    public async Task<IReadOnlyList<Ballot>> ListByCycleAsync(CycleId cycleId, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.Command("SELECT cycle_id, member_id, choices, cast_at FROM ballots WHERE cycle_id = $1", Sql.Uuid(cycleId.Value));
        var ballots = await store.ListAsync(command, Read, cancellationToken).ConfigureAwait(false);
        ballots.Sort((a, b) => a.MemberId.CompareTo(b.MemberId));
        return ballots;
    }

    public async Task<int> CountByCycleAsync(CycleId cycleId, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.Command("SELECT count(*) FROM ballots WHERE cycle_id = $1", Sql.Uuid(cycleId.Value));
        return checked((int)(long)(await store.ScalarAsync(command, cancellationToken).ConfigureAwait(false))!);
    }

    private static Ballot Read(NpgsqlDataReader row) => new()
    {
        CycleId = new CycleId(row.GetGuid(0)),
        MemberId = Sql.ToId(row.GetInt64(1)),
        Choices = row.GetFieldValue<Guid[]>(2).Select(id => new NominationId(id)).ToArray(),
        CastAt = new DateTimeOffset(row.GetInt64(3), TimeSpan.Zero),
    };
}
