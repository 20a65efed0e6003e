namespace ListeningClub.Storage.Postgres.Migrations;

/// <summary>One schema step: its version (1, 2, …, no gaps), what it does, and its SQL, run in one transaction.</summary>
internal sealed record Migration(int Version, string Description, string Sql);
