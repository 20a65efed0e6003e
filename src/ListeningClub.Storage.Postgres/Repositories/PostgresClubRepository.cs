using ListeningClub.Domain.Clubs;
using ListeningClub.Storage.Postgres.Engine;
using ListeningClub.Storage.Postgres.Mapping;

namespace ListeningClub.Storage.Postgres.Repositories;

public sealed class PostgresClubRepository(PostgresStore store) : IClubRepository
{
    private const string Columns = "guild_id, archive_slug, doc";

    public async Task<Club?> GetAsync(ulong guildId, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.Command($"SELECT {Columns} FROM clubs WHERE guild_id = $1", Sql.Id(guildId));
        return await store.FirstOrDefaultAsync(command, Read, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Club?> FindByArchiveSlugAsync(string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        await using var command = store.DataSource.Command($"SELECT {Columns} FROM clubs WHERE archive_slug = $1 LIMIT 1", Sql.Text(slug));
        return await store.FirstOrDefaultAsync(command, Read, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Club>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.Command($"SELECT {Columns} FROM clubs ORDER BY guild_id");
        return await store.ListAsync(command, Read, cancellationToken).ConfigureAwait(false);
    }

    public async Task SaveAsync(Club club, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(club);
        await using var command = store.DataSource.Command(
            """
            INSERT INTO clubs (guild_id, archive_slug, doc) VALUES ($1, $2, $3)
            ON CONFLICT (guild_id) DO UPDATE SET archive_slug = excluded.archive_slug, doc = excluded.doc
            """,
            Sql.Id(club.GuildId),
            Sql.OptionalText(club.ArchiveSlug),
            Sql.Text(ClubDoc.Write(club)));
        await store.ExecuteAsync(command, repeatable: true, cancellationToken).ConfigureAwait(false);
    }

    private static Club Read(Npgsql.NpgsqlDataReader row) =>
        ClubDoc.Read(Sql.ToId(row.GetInt64(0)), row.IsDBNull(1) ? null : row.GetString(1), row.GetString(2));
}
