using ListeningClub.Sandbox.Hosting;

namespace ListeningClub.Sandbox.Tests.Hosting;

/// <summary>The sandbox's folder: emptied at each start when it is the sandbox's own, never when it is anything else.</summary>
public sealed class SandboxFolderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "listeningclub-sandbox-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void ANewFolder_IsCreatedAndMarked_AndItsOwnFolderIsEmptiedAtTheNextStart()
    {
        var folder = Path.Combine(_root, "sandbox-data");
        Assert.Null(SandboxFolder.Prepare(folder));
        Assert.True(File.Exists(Path.Combine(folder, SandboxFolder.MarkerName)));
        File.WriteAllText(Path.Combine(folder, "listeningclub.db"), "old club");
        Directory.CreateDirectory(Path.Combine(folder, "backups"));

        Assert.Null(SandboxFolder.Prepare(folder));

        Assert.Equal([SandboxFolder.MarkerName], Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void AFolderThatIsNotTheSandboxs_IsRefused_AndLeftAsItWas()
    {
        var data = Path.Combine(_root, "data");
        Directory.CreateDirectory(data);
        File.WriteAllText(Path.Combine(data, "listeningclub.db"), "a real club");

        var problem = SandboxFolder.Prepare(data);

        Assert.Contains("is not a sandbox folder", problem, StringComparison.Ordinal);
        Assert.Equal("a real club", File.ReadAllText(Path.Combine(data, "listeningclub.db")));
        Assert.False(File.Exists(Path.Combine(data, SandboxFolder.MarkerName)));
    }

    [Fact]
    public void AFolderAnotherSandboxHolds_IsRefused()
    {
        var folder = Path.Combine(_root, "busy");
        Assert.Null(SandboxFolder.Prepare(folder));
        using var held = new FileStream(Path.Combine(folder, "listeningclub.lock"), FileMode.Create, FileAccess.ReadWrite, FileShare.None);

        Assert.Contains("in use by another sandbox", SandboxFolder.Prepare(folder), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], SandboxSettings.DefaultPort)]
    [InlineData(new[] { "--port", "0" }, 0)]
    [InlineData(new[] { "--port=6001", "--data", "elsewhere" }, 6001)]
    public void Arguments_SetThePortAndTheFolder(string[] args, int port)
    {
        var (settings, problem) = SandboxSettings.Parse(args);
        Assert.Null(problem);
        Assert.Equal(port, settings!.Port);
        Assert.True(Path.IsPathFullyQualified(settings.DataFolder));
    }

    [Theory]
    [InlineData("--port", "http")]
    [InlineData("--port", "70000")]
    [InlineData("--token", "x")]
    public void BadArguments_AreOneLineSayingWhatToUse(string name, string value)
    {
        var (settings, problem) = SandboxSettings.Parse([name, value]);
        Assert.Null(settings);
        Assert.Contains("Use --data <folder> and --port <number>", problem, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
