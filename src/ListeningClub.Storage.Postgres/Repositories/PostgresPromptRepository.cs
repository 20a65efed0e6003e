using ListeningClub.Domain.Common;
using ListeningClub.Domain.Prompts;
using ListeningClub.Storage.Postgres.Engine;
using ListeningClub.Storage.Postgres.Mapping;

namespace ListeningClub.Storage.Postgres.Repositories;

public sealed class PostgresPromptRepository(PostgresStore store) : IPromptRepository
{
    public async Task<IReadOnlyList<Prompt>> ListByTrackAsync(TrackId trackId, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.Command("SELECT doc FROM prompts WHERE track_id = $1", Sql.Uuid(trackId.Value));
        var prompts = await store.ListAsync(command, row => RowDocs.ReadPrompt(row.GetString(0)), cancellationToken).ConfigureAwait(false);
        return prompts.OrderBy(p => p.AddedAt).ThenBy(p => p.Id.Value).ToList();
    }

    public async Task SaveAsync(IReadOnlyList<Prompt> prompts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        if (prompts.Count == 0)
        {
            return;
        }

        // Upserts by id: safe to repeat.
        await store.InTransactionAsync(
            () => prompts.Select(prompt => Sql.Statement(
                """
                INSERT INTO prompts (id, track_id, doc) VALUES ($1, $2, $3)
                ON CONFLICT (id) DO UPDATE SET track_id = excluded.track_id, doc = excluded.doc
                """,
                Sql.Uuid(prompt.Id.Value),
                Sql.Uuid(prompt.TrackId.Value),
                Sql.Text(RowDocs.Write(prompt)))),
            repeatable: true,
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<PromptDrawState?> GetDrawStateAsync(TrackId trackId, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.Command("SELECT doc FROM prompt_draws WHERE track_id = $1", Sql.Uuid(trackId.Value));
        return await store.FirstOrDefaultAsync(command, row => RowDocs.ReadDrawState(row.GetString(0)), cancellationToken).ConfigureAwait(false);
    }

    public async Task SaveDrawStateAsync(PromptDrawState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        await using var command = store.DataSource.Command(
            "INSERT INTO prompt_draws (track_id, doc) VALUES ($1, $2) ON CONFLICT (track_id) DO UPDATE SET doc = excluded.doc",
            Sql.Uuid(state.TrackId.Value),
            Sql.Text(RowDocs.Write(state)));
        await store.ExecuteAsync(command, repeatable: true, cancellationToken).ConfigureAwait(false);
    }
}
