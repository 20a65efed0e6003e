using LiteDB;
using ListeningClub.Domain.Outbox;
using ListeningClub.Storage.Documents;
using ListeningClub.Storage.Engine;

namespace ListeningClub.Storage.Repositories;

internal sealed class OutboxRepository(LiteStore store) : IOutboxRepository
{
    /// <summary>Look-up and insert run in one writer transaction, so the same intent decided twice is stored once.</summary>
    public async Task<OutboxMessage> AddOrGetAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var document = OutboxDocuments.ToDocument(message);
        var intent = OutboxDocuments.Intent(message.Kind, message.IntentKey);
        var stored = await store.WriteAsync(
            db =>
            {
                var collection = db.GetCollection(Collections.Outbox);
                if (collection.FindOne(Filters.Equal(OutboxDocuments.IntentIndex, intent)) is { } existing)
                {
                    return existing;
                }

                collection.Insert(document);
                return document;
            },
            cancellationToken).ConfigureAwait(false);
        return OutboxDocuments.FromDocument(stored);
    }

    public Task<IReadOnlyList<OutboxMessage>> ListPendingAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<OutboxMessage>>(store.Read(db =>
            db.GetCollection(Collections.Outbox).Find(Filters.Equal(OutboxDocuments.PendingIndex, true))
                .Select(OutboxDocuments.FromDocument)
                .OrderBy(message => message.CreatedAt)
                .ThenBy(message => message.Id)
                .ToList()));
    }

    public Task<OutboxMessage?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(store.Read(db =>
            db.GetCollection(Collections.Outbox).FindById(id) is { } document ? OutboxDocuments.FromDocument(document) : null));
    }

    public Task<OutboxMessage?> FindAsync(string kind, string intentKey, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var intent = OutboxDocuments.Intent(kind, intentKey);
        return Task.FromResult(store.Read(db =>
            db.GetCollection(Collections.Outbox).FindOne(Filters.Equal(OutboxDocuments.IntentIndex, intent)) is { } document ? OutboxDocuments.FromDocument(document) : null));
    }

    /// <summary>The claim is two fields of the document, outside the message; an update writes the document without them.</summary>
    public async Task<OutboxMessage?> TryClaimAsync(Guid id, string claimant, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimant);
        var claimed = await store.WriteAsync<BsonDocument?>(
            db =>
            {
                var collection = db.GetCollection(Collections.Outbox);
                if (collection.FindById(id) is not { } document || !document[OutboxDocuments.PendingIndex].AsBoolean || OutboxDocuments.ClaimedByOther(document, claimant, now))
                {
                    return null;
                }

                OutboxDocuments.Claim(document, claimant, until);
                collection.Update(document);
                return document;
            },
            cancellationToken).ConfigureAwait(false);
        return claimed is null ? null : OutboxDocuments.FromDocument(claimed);
    }

    public Task UpdateAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var document = OutboxDocuments.ToDocument(message);
        return Conflicts.Translate(
            store.WriteAsync(
                db =>
                {
                    if (!db.GetCollection(Collections.Outbox).Update(document))
                    {
                        throw new InvalidOperationException($"Outbox message {message.Id} does not exist.");
                    }
                },
                cancellationToken),
            "Another outbox message already has that kind and intent key.");
    }
}
