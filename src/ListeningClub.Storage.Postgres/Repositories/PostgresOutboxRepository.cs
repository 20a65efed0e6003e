using ListeningClub.Domain.Outbox;
using ListeningClub.Storage.Postgres.Engine;
using ListeningClub.Storage.Postgres.Mapping;

namespace ListeningClub.Storage.Postgres.Repositories;

/// <summary>Outbox messages; (kind, intent key) is unique, so the same intent decided twice (by any process) is stored once.</summary>
public sealed class PostgresOutboxRepository(PostgresStore store) : IOutboxRepository
{
    public async Task<OutboxMessage> AddOrGetAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var doc = RowDocs.Write(message);
        while (true)
        {
            await using (var insert = store.DataSource.Command(
                "INSERT INTO outbox (id, kind, intent_key, pending, doc) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (kind, intent_key) DO NOTHING",
                Sql.Uuid(message.Id),
                Sql.Text(message.Kind),
                Sql.Text(message.IntentKey),
                Sql.Bool(message.IsPending),
                Sql.Text(doc)))
            {
                if (await store.ExecuteAsync(insert, repeatable: true, cancellationToken).ConfigureAwait(false) == 1)
                {
                    return message;
                }
            }

            if (await FindAsync(message.Kind, message.IntentKey, cancellationToken).ConfigureAwait(false) is { } existing)
            {
                return existing;
            }
        }
    }

    public Task<IReadOnlyList<OutboxMessage>> ListPendingAsync(CancellationToken cancellationToken) => ListAsync("SELECT doc FROM outbox WHERE pending", cancellationToken);

    public Task<IReadOnlyList<OutboxMessage>> ListAllAsync(CancellationToken cancellationToken) => ListAsync("SELECT doc FROM outbox", cancellationToken);

    public async Task<OutboxMessage?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.Command("SELECT doc FROM outbox WHERE id = $1", Sql.Uuid(id));
        return await store.FirstOrDefaultAsync(command, row => RowDocs.ReadOutbox(row.GetString(0)), cancellationToken).ConfigureAwait(false);
    }

    public async Task<OutboxMessage?> FindAsync(string kind, string intentKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(intentKey);
        await using var command = store.DataSource.Command("SELECT doc FROM outbox WHERE kind = $1 AND intent_key = $2", Sql.Text(kind), Sql.Text(intentKey));
        return await store.FirstOrDefaultAsync(command, row => RowDocs.ReadOutbox(row.GetString(0)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One statement: the row is claimed only if it is pending and unclaimed, claimed by this claimant, or its claim expired.</summary>
    public async Task<OutboxMessage?> TryClaimAsync(Guid id, string claimant, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimant);
        await using var command = store.DataSource.Command(
            """
            UPDATE outbox SET claimed_by = $2, claimed_until = $4
            WHERE id = $1 AND pending AND (claimed_by IS NULL OR claimed_by = $2 OR claimed_until <= $3)
            RETURNING doc
            """,
            Sql.Uuid(id),
            Sql.Text(claimant),
            Sql.Long(now.UtcTicks),
            Sql.Long(until.UtcTicks));

        // Safe to repeat: the same claimant may claim its own claim again.
        return await store.FirstOrDefaultAsync(command, row => RowDocs.ReadOutbox(row.GetString(0)), cancellationToken).ConfigureAwait(false);
    }

    public async Task UpdateAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var command = store.DataSource.Command(
            "UPDATE outbox SET kind = $2, intent_key = $3, pending = $4, doc = $5, claimed_by = NULL, claimed_until = NULL WHERE id = $1",
            Sql.Uuid(message.Id),
            Sql.Text(message.Kind),
            Sql.Text(message.IntentKey),
            Sql.Bool(message.IsPending),
            Sql.Text(RowDocs.Write(message)));
        var updated = 0;
        await Sql.TranslateConflicts(Run(), "Another outbox message already has that kind and intent key.").ConfigureAwait(false);
        if (updated == 0)
        {
            throw new InvalidOperationException($"Outbox message {message.Id} does not exist.");
        }

        async Task Run() => updated = await store.ExecuteAsync(command, repeatable: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Oldest first, then by id, as the LiteDB store orders them.</summary>
    private async Task<IReadOnlyList<OutboxMessage>> ListAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.Command(sql);
        var messages = await store.ListAsync(command, row => RowDocs.ReadOutbox(row.GetString(0)), cancellationToken).ConfigureAwait(false);
        return messages.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToList();
    }
}
