namespace ListeningClub.Storage.Postgres.Migrations;

/// <summary>One schema step of a component: its version (1, 2, …, no gaps), what it does, and its SQL, run in one transaction.</summary>
public sealed record SchemaMigration(int Version, string Description, string Sql);

/// <summary>
/// A part of the schema with its own version line in <c>schema_version</c>: the club tables (<c>club</c>) and whatever
/// the host adds beside them (the Bot adds <c>quartz</c>, the clustered scheduler's tables).
/// </summary>
public sealed record SchemaComponent(string Name, IReadOnlyList<SchemaMigration> Steps)
{
    public int Latest => Steps.Count == 0 ? 0 : Steps[^1].Version;
}
