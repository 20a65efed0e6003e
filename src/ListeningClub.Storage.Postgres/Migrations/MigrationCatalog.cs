namespace ListeningClub.Storage.Postgres.Migrations;

/// <summary>
/// Every schema step, oldest first. Never change a released step: add the next one. Tables are created in the
/// connection's current schema (the first of its <c>search_path</c>), so one database can hold several stores.
/// </summary>
internal static class MigrationCatalog
{
    public static SchemaComponent Club { get; } = new("club",
    [
        new SchemaMigration(1, "club tables", """
            CREATE TABLE clubs (
                guild_id bigint PRIMARY KEY,          -- the Discord id's 64 bits (ulong stored as its Int64 bit pattern)
                archive_slug text NULL,
                doc text NOT NULL);
            CREATE INDEX clubs_archive_slug ON clubs (archive_slug) WHERE archive_slug IS NOT NULL;

            CREATE TABLE cycles (
                id uuid PRIMARY KEY,
                track_id uuid NOT NULL,
                number integer NOT NULL,
                doc text NOT NULL,
                CONSTRAINT cycles_track_number UNIQUE (track_id, number));

            CREATE TABLE nominations (
                id uuid PRIMARY KEY,
                track_id uuid NOT NULL,
                cycle_id uuid NOT NULL,
                active_key bytea NULL,                -- (cycle, normalised key) while active, NULL otherwise
                doc text NOT NULL,
                CONSTRAINT nominations_active_key UNIQUE (active_key));
            CREATE INDEX nominations_cycle ON nominations (cycle_id);
            CREATE INDEX nominations_track ON nominations (track_id);

            CREATE TABLE ballots (
                cycle_id uuid NOT NULL,
                member_id bigint NOT NULL,
                choices uuid[] NOT NULL,
                cast_at bigint NOT NULL,              -- UTC ticks
                PRIMARY KEY (cycle_id, member_id));

            CREATE TABLE picks (
                cycle_id uuid PRIMARY KEY,
                track_id uuid NOT NULL,
                guild_id bigint NOT NULL,
                doc text NOT NULL);
            CREATE INDEX picks_track ON picks (track_id);
            CREATE INDEX picks_guild ON picks (guild_id);

            CREATE TABLE ratings (
                cycle_id uuid NOT NULL,
                member_id bigint NOT NULL,
                track_id uuid NOT NULL,
                doc text NOT NULL,
                PRIMARY KEY (cycle_id, member_id));
            CREATE INDEX ratings_track ON ratings (track_id);

            CREATE TABLE prompts (
                id uuid PRIMARY KEY,
                track_id uuid NOT NULL,
                doc text NOT NULL);
            CREATE INDEX prompts_track ON prompts (track_id);

            CREATE TABLE prompt_draws (
                track_id uuid PRIMARY KEY,
                doc text NOT NULL);

            CREATE TABLE outbox (
                id uuid PRIMARY KEY,
                kind text NOT NULL,
                intent_key text NOT NULL,
                pending boolean NOT NULL,
                doc text NOT NULL,
                CONSTRAINT outbox_intent UNIQUE (kind, intent_key));
            CREATE INDEX outbox_pending ON outbox (id) WHERE pending;

            CREATE TABLE catalogue_entries (
                id text PRIMARY KEY,
                doc text NOT NULL);
            """),
        new SchemaMigration(2, "outbox claims (one attempt at a post at a time across processes)", """
            ALTER TABLE outbox
                ADD COLUMN claimed_by text NULL,
                ADD COLUMN claimed_until bigint NULL;    -- UTC ticks
            """),
    ]);
}
