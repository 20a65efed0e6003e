using ListeningClub.Storage.Documents;
using ListeningClub.Storage.Engine;
using ListeningClub.Storage.Migrations;
using ListeningClub.Storage.Tests.Support;

namespace ListeningClub.Storage.Tests.Migrations;

public sealed class MigrationTests
{
    private static string VersionOneFile => Path.Combine(AppContext.BaseDirectory, "TestData", "v1", "listeningclub.db");

    [Fact]
    public async Task CheckedInVersionOneFile_IsBackedUpThenMigratedToTheLatestVersion()
    {
        using var folder = new TempFolder();
        var path = folder.File("listeningclub.db");
        File.Copy(VersionOneFile, path);
        var original = await File.ReadAllBytesAsync(path);
        Assert.Equal(1, DatabaseIdentity.Read(path, null).UserVersion);

        await using var test = new TestStore(folder.Path);

        Assert.Equal(MigrationCatalog.LatestVersion, test.Store.SchemaVersion);
        var backup = Assert.Single(Directory.GetFiles(test.Store.BackupsFolder, "listeningclub.v1-before-v*.db"));
        Assert.Equal(original, await File.ReadAllBytesAsync(backup));
        var indexes = test.Store.Read(db => db.GetCollection("$indexes").FindAll().Select(i => i["collection"].AsString + "." + i["name"].AsString).ToHashSet());
        Assert.Contains($"{Collections.Nominations}.{NominationDocuments.ActiveKeyIndex}", indexes);
        Assert.Contains($"{Collections.Cycles}.{CycleDocuments.TrackNumberIndex}", indexes);
        Assert.Contains($"{Collections.Outbox}.{OutboxDocuments.IntentIndex}", indexes);
    }

    [Fact]
    public async Task MigratedFile_KeepsItsOriginalMarker()
    {
        using var folder = new TempFolder();
        File.Copy(VersionOneFile, folder.File("listeningclub.db"));
        var createdBefore = ReadCreatedAt(DatabaseReadOnly(folder.File("listeningclub.db")));

        await using var test = new TestStore(folder.Path);

        var marker = test.Store.Read(db => db.GetCollection(StoreMetadata.Collection).FindById(StoreMetadata.MarkerId));
        Assert.Equal(StoreMetadata.ApplicationName, marker[StoreMetadata.ApplicationField].AsString);
        Assert.Equal(createdBefore, marker["createdAt"].AsInt64);
    }

    [Fact]
    public async Task OpeningAnUpToDateFile_MakesNoBackup()
    {
        using var folder = new TempFolder();
        await using (new TestStore(folder.Path))
        {
        }

        await using var test = new TestStore(folder.Path);

        Assert.False(Directory.Exists(test.Store.BackupsFolder) && Directory.EnumerateFiles(test.Store.BackupsFolder).Any());
    }

    [Fact]
    public void Catalog_VersionsAreNumberedOneByOne()
    {
        var versions = MigrationCatalog.All.Select(m => m.Version).ToList();

        Assert.Equal(Enumerable.Range(1, versions.Count), versions);
    }

    private static LiteDB.BsonDocument DatabaseReadOnly(string path)
    {
        using var db = new LiteDB.LiteDatabase($"Filename={path};ReadOnly=true");
        return db.GetCollection(StoreMetadata.Collection).FindById(StoreMetadata.MarkerId);
    }

    private static long ReadCreatedAt(LiteDB.BsonDocument marker) => marker["createdAt"].AsInt64;
}
