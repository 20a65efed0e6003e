namespace ListeningClub.Storage.Migrations;

/// <summary>Every migration, in order. Add a new step as a new file and append it here; never edit a released step.</summary>
internal static class MigrationCatalog
{
    public static IReadOnlyList<IMigration> All { get; } =
    [
        new Migration0001_Metadata(),
        new Migration0002_ClubCollections(),
        new Migration0003_ArchiveSlug(),
    ];

    public static int LatestVersion => All[^1].Version;
}
