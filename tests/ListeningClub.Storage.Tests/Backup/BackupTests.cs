using LiteDB;
using ListeningClub.Storage.Engine;
using ListeningClub.Storage.Tests.Support;

namespace ListeningClub.Storage.Tests.Backup;

public sealed class BackupTests
{
    [Fact]
    public async Task Backup_IsACompleteVerifiedCopy_TakenWhileTheStoreIsOpen()
    {
        await using var test = new TestStore();
        for (var i = 0; i < 200; i++)
        {
            await test.Store.WriteAsync(db => db.GetCollection("items").Insert(new BsonDocument { ["_id"] = i }));
        }

        var path = await test.Store.BackupAsync();
        await test.Store.WriteAsync(db => db.GetCollection("items").Insert(new BsonDocument { ["_id"] = 1000 }));

        Assert.StartsWith(test.Store.BackupsFolder, path, StringComparison.Ordinal);
        using var copy = new LiteDatabase($"Filename={path};ReadOnly=true");
        Assert.Equal(200, copy.GetCollection("items").Count());
        Assert.Equal(test.Store.SchemaVersion, copy.UserVersion);
    }

    [Fact]
    public async Task Backups_KeepOnlyTheNewestN()
    {
        await using var test = new TestStore(configure: options => options.BackupsKept = 3);
        var made = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            made.Add(await test.Store.BackupAsync());
            test.Time.Advance(TimeSpan.FromHours(1));
        }

        var kept = Directory.GetFiles(test.Store.BackupsFolder).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(made.Skip(2), kept);
    }

    [Fact]
    public async Task Backup_ThroughTheMaintenanceInterface_NamesTheFileByUtcTime()
    {
        await using var test = new TestStore();
        var maintenance = new StorageMaintenance(test.Store);

        var path = await maintenance.BackupAsync();

        Assert.EndsWith("listeningclub-20261124T120000000Z.db", path, StringComparison.Ordinal);
    }
}
