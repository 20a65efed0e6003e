using ListeningClub.Storage.Engine;
using ListeningClub.Storage.Tests.Support;

namespace ListeningClub.Storage.Tests.Engine;

public sealed class DataFolderLockTests
{
    [Fact]
    public async Task SecondProcess_OnTheSameFolder_ExitsWithAMessageNamingTheFolder_AndTheFirstKeepsWorking()
    {
        using var folder = new TempFolder();
        using var first = ProbeProcess.Start("hold", folder.Path);
        await first.WaitReadyAsync();

        using var second = ProbeProcess.Start("hold", folder.Path);
        var exitCode = await second.WaitForExitAsync();

        Assert.Equal(3, exitCode);
        Assert.Contains(folder.Path, second.StandardError, StringComparison.Ordinal);
        Assert.Contains("already in use", second.StandardError, StringComparison.Ordinal);
        Assert.Single(second.StandardError.Trim().Split('\n'));

        // The first process is unharmed: it still takes a vote and closes cleanly.
        await first.SendAsync("vote 42");
        await first.SendAsync("quit");
        Assert.Equal(0, await first.WaitForExitAsync());
        Assert.Contains(42UL, first.Acknowledged);
    }

    [Fact]
    public async Task OpenInThisProcess_WhileAnotherProcessHoldsTheFolder_Throws_AndTheFileIsUntouched()
    {
        using var folder = new TempFolder();
        using var holder = ProbeProcess.Start("hold", folder.Path);
        await holder.WaitReadyAsync();
        var database = folder.File("listeningclub.db");
        var before = await File.ReadAllBytesAsync(database);

        var error = Assert.Throws<DataFolderInUseException>(() => new TestStore(folder.Path));

        Assert.Equal(folder.Path, error.DataFolder);
        Assert.Contains(folder.Path, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(database));
        await holder.SendAsync("quit");
        Assert.Equal(0, await holder.WaitForExitAsync());
    }

    [Fact]
    public async Task Folder_IsFreeAgain_AfterTheStoreCloses()
    {
        using var folder = new TempFolder();
        var first = new TestStore(folder.Path);
        await first.DisposeAsync();

        await using var second = new TestStore(folder.Path);

        Assert.Equal(folder.Path, second.Store.DataFolder);
    }
}
