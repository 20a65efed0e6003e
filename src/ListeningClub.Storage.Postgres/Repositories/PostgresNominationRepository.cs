using System.Text;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Nominations;
using ListeningClub.Storage.Postgres.Engine;
using ListeningClub.Storage.Postgres.Mapping;
using Npgsql;

namespace ListeningClub.Storage.Postgres.Repositories;

/// <summary>
/// Nominations carry a unique <c>active_key</c> (the cycle's 16 bytes, then the normalised key in UTF-8) while active
/// and NULL otherwise, so two active nominations of the same film or album in one cycle cannot both be stored.
/// </summary>
public sealed class PostgresNominationRepository(PostgresStore store) : INominationRepository
{
    private const string DuplicateRule = "A nomination with the same film or album is already active in that cycle.";

    private const string Insert = "INSERT INTO nominations (id, track_id, cycle_id, active_key, doc) VALUES ($1, $2, $3, $4, $5)";

    public async Task<Nomination?> GetAsync(NominationId id, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.Command("SELECT doc FROM nominations WHERE id = $1", Sql.Uuid(id.Value));
        return await store.FirstOrDefaultAsync(command, row => RowDocs.ReadNomination(row.GetString(0)), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Nomination>> ListByCycleAsync(CycleId cycleId, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.Command("SELECT doc FROM nominations WHERE cycle_id = $1", Sql.Uuid(cycleId.Value));
        return OldestFirst(await store.ListAsync(command, row => RowDocs.ReadNomination(row.GetString(0)), cancellationToken).ConfigureAwait(false));
    }

    public async Task<IReadOnlyList<Nomination>> ListByTrackAsync(TrackId trackId, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.Command("SELECT doc FROM nominations WHERE track_id = $1", Sql.Uuid(trackId.Value));
        return OldestFirst(await store.ListAsync(command, row => RowDocs.ReadNomination(row.GetString(0)), cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Insert-unless-duplicate in one statement (<c>ON CONFLICT (active_key) DO NOTHING</c>: a concurrent insert of the
    /// same key waits for the other transaction, then yields to it), then the existing one is read. Should the existing
    /// one stop being active in between, the insert is tried again. The existing one being this very nomination (an
    /// insert retried after the server committed it but the answer was lost) is not a duplicate: so the insert is safe
    /// to repeat.
    /// </summary>
    public async Task<Nomination?> AddAsync(Nomination nomination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nomination);
        var doc = RowDocs.Write(nomination);
        var activeKey = ActiveKey(nomination);
        if (activeKey is null)
        {
            await using var plain = store.DataSource.Command(Insert, Parameters(nomination, null, doc));
            await store.ExecuteAsync(plain, repeatable: false, cancellationToken).ConfigureAwait(false);
            return null;
        }

        while (true)
        {
            await using (var insert = store.DataSource.Command(Insert + " ON CONFLICT (active_key) DO NOTHING", Parameters(nomination, activeKey, doc)))
            {
                if (await store.ExecuteAsync(insert, repeatable: true, cancellationToken).ConfigureAwait(false) == 1)
                {
                    return null;
                }
            }

            await using var existing = store.DataSource.Command("SELECT doc FROM nominations WHERE active_key = $1", Sql.Bytes(activeKey));
            if (await store.FirstOrDefaultAsync(existing, row => RowDocs.ReadNomination(row.GetString(0)), cancellationToken).ConfigureAwait(false) is { } found)
            {
                return found.Id == nomination.Id ? null : found;
            }
        }
    }

    public async Task AddRangeAsync(IReadOnlyList<Nomination> nominations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nominations);
        if (nominations.Count == 0)
        {
            return;
        }

        // Plain inserts: not safe to repeat after an unknown outcome (the retry would meet its own rows), so retried only
        // when the server was never reached.
        await Sql.TranslateConflicts(
            store.InTransactionAsync(
                () => nominations.Select(n => Sql.Statement(Insert, Parameters(n, ActiveKey(n), RowDocs.Write(n)))),
                repeatable: false,
                cancellationToken),
            DuplicateRule).ConfigureAwait(false);
    }

    public async Task UpdateAsync(Nomination nomination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nomination);
        await using var command = store.DataSource.Command(
            "UPDATE nominations SET track_id = $2, cycle_id = $3, active_key = $4, doc = $5 WHERE id = $1",
            Parameters(nomination, ActiveKey(nomination), RowDocs.Write(nomination)));
        var updated = 0;
        await Sql.TranslateConflicts(Run(), DuplicateRule).ConfigureAwait(false);
        if (updated == 0)
        {
            throw new InvalidOperationException($"Nomination {nomination.Id} does not exist.");
        }

        async Task Run() => updated = await store.ExecuteAsync(command, repeatable: true, cancellationToken).ConfigureAwait(false);
    }

    private static byte[]? ActiveKey(Nomination nomination)
    {
        if (!nomination.IsActive)
        {
            return null;
        }

        var key = Encoding.UTF8.GetBytes(nomination.Key);
        var bytes = new byte[16 + key.Length];
        nomination.CycleId.Value.TryWriteBytes(bytes.AsSpan(0, 16), bigEndian: true, out _);
        key.CopyTo(bytes, 16);
        return bytes;
    }

    private static NpgsqlParameter[] Parameters(Nomination nomination, byte[]? activeKey, string doc) =>
    [
        Sql.Uuid(nomination.Id.Value),
        Sql.Uuid(nomination.TrackId.Value),
        Sql.Uuid(nomination.CycleId.Value),
        Sql.Bytes(activeKey),
        Sql.Text(doc),
    ];

    private static List<Nomination> OldestFirst(List<Nomination> nominations) =>
        nominations.OrderBy(n => n.NominatedAt).ThenBy(n => n.Id.Value).ToList();
}
