using LiteDB;
using ListeningClub.Storage.Engine;
using ListeningClub.Storage.Tests.Support;

namespace ListeningClub.Storage.Tests.Engine;

public sealed class BadFileTests
{
    [Fact]
    public async Task GarbageFile_IsReportedByName_AndLeftUntouched()
    {
        using var folder = new TempFolder();
        var path = folder.File("listeningclub.db");
        var garbage = new byte[20_000];
        new Random(7).NextBytes(garbage);
        await File.WriteAllBytesAsync(path, garbage);

        var error = Assert.Throws<StorageFileException>(() => new TestStore(folder.Path));

        Assert.Equal(path, error.FilePath);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal(garbage, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task TextFile_IsReportedAsTooShort_AndLeftUntouched()
    {
        using var folder = new TempFolder();
        var path = folder.File("listeningclub.db");
        await File.WriteAllTextAsync(path, "these are my notes, not a database");

        var error = Assert.Throws<StorageFileException>(() => new TestStore(folder.Path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal("these are my notes, not a database", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task DamagedLiteDbFile_IsReportedByName_AndLeftUntouched()
    {
        using var folder = new TempFolder();
        var path = folder.File("listeningclub.db");
        await using (var test = new TestStore(folder.Path))
        {
            await test.Store.WriteAsync(db => db.GetCollection("x").Insert(new BsonDocument { ["_id"] = 1 }));
        }

        // Keep LiteDB's header text but wreck the rest of the header page.
        var bytes = await File.ReadAllBytesAsync(path);
        for (var i = 64; i < 8192; i++)
        {
            bytes[i] = 0xEE;
        }

        await File.WriteAllBytesAsync(path, bytes);

        var error = Assert.Throws<StorageFileException>(() => new TestStore(folder.Path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task ForeignLiteDbFile_IsRefused_AndLeftUntouched()
    {
        using var folder = new TempFolder();
        var path = folder.File("listeningclub.db");
        using (var other = new LiteDatabase($"Filename={path};Connection=direct"))
        {
            other.GetCollection("customers").Insert(new BsonDocument { ["name"] = "not a club" });
        }

        var before = await File.ReadAllBytesAsync(path);

        var error = Assert.Throws<StorageFileException>(() => new TestStore(folder.Path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("not a ListeningClub one", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task FileFromANewerVersion_IsRefused_AndLeftUntouched()
    {
        using var folder = new TempFolder();
        var path = folder.File("listeningclub.db");
        await using (new TestStore(folder.Path))
        {
        }

        using (var raw = new LiteDatabase($"Filename={path};Connection=direct"))
        {
            raw.UserVersion = 999;
        }

        var before = await File.ReadAllBytesAsync(path);

        var error = Assert.Throws<StorageFileException>(() => new TestStore(folder.Path));

        Assert.Contains("999", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task LogWithoutItsDatabase_IsRefused_AndLeftUntouched()
    {
        using var folder = new TempFolder();
        var log = folder.File("listeningclub-log.db");
        await File.WriteAllBytesAsync(log, new byte[8192]);

        var error = Assert.Throws<StorageFileException>(() => new TestStore(folder.Path));

        Assert.Contains(log, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("listeningclub.db")) && new FileInfo(folder.File("listeningclub.db")).Length > 0);
    }

    [Fact]
    public async Task NewFile_IsCreatedWithTheOrdinalCollation_AtTheLatestVersion()
    {
        await using var test = new TestStore();

        var collation = test.Store.Read(db => db.Collation);

        Assert.True(DatabaseIdentity.IsPinned(collation));
        Assert.Equal(ListeningClub.Storage.Migrations.MigrationCatalog.LatestVersion, test.Store.SchemaVersion);
    }
}
