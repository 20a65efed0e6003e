using LiteDB;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Prompts;
using ListeningClub.Storage.Documents;
using ListeningClub.Storage.Engine;

namespace ListeningClub.Storage.Repositories;

internal sealed class PromptRepository(LiteStore store) : IPromptRepository
{
    public Task<IReadOnlyList<Prompt>> ListByTrackAsync(TrackId trackId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<Prompt>>(store.Read(db =>
            db.GetCollection(Collections.Prompts).Find(Filters.Equal("trackId", trackId.Value))
                .Select(PromptDocuments.FromDocument)
                .OrderBy(prompt => prompt.AddedAt)
                .ThenBy(prompt => prompt.Id.Value)
                .ToList()));
    }

    public Task SaveAsync(IReadOnlyList<Prompt> prompts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        var documents = prompts.Select(PromptDocuments.ToDocument).ToList();
        return store.WriteAsync(db => db.GetCollection(Collections.Prompts).Upsert(documents), cancellationToken);
    }

    public Task<PromptDrawState?> GetDrawStateAsync(TrackId trackId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(store.Read(db =>
            db.GetCollection(Collections.PromptDraws).FindById(trackId.Value) is { } document ? PromptDocuments.DrawStateFromDocument(document) : null));
    }

    public Task SaveDrawStateAsync(PromptDrawState state, CancellationToken cancellationToken)
    {
        var document = PromptDocuments.ToDocument(state);
        return store.WriteAsync(db => db.GetCollection(Collections.PromptDraws).Upsert(document), cancellationToken);
    }
}
