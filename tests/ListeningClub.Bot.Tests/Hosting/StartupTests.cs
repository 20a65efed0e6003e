using ListeningClub.Bot.Tests.Support;

namespace ListeningClub.Bot.Tests.Hosting;

/// <summary>The built executable refusing to start on a configuration mistake: one line naming the setting and the fix, exit code 2, no stack trace.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "listeningclub-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Start_WithoutToken_ExitsWithAClearMessageAndNoStackTrace()
    {
        var (exitCode, stdout, stderr) = await RunBotAsync(environment: new() { ["ListeningClub__Discord__Token"] = null, ["ListeningClub__Storage__DataFolder"] = _folder });

        Assert.Equal(2, exitCode);
        Assert.Contains("Discord:Token: not set", stderr, StringComparison.Ordinal);
        Assert.Contains("ListeningClub__Discord__Token", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr + stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithUnknownDefaultTimeZone_NamesTheSettingAndTheValue()
    {
        var (exitCode, stdout, stderr) = await RunBotAsync(
            new() { ["ListeningClub__Discord__Token"] = "token", ["ListeningClub__Storage__DataFolder"] = _folder, ["ListeningClub__Club__DefaultTimeZone"] = "Mars/Olympus_Mons" });

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Club:DefaultTimeZone", line, StringComparison.Ordinal);
        Assert.Contains("Mars/Olympus_Mons", line, StringComparison.Ordinal);
        Assert.Contains("Europe/Berlin", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr + stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithDataFolderThatCannotBeWritten_NamesTheFolderAndTheFix()
    {
        // A folder "inside" a regular file can never be created, whoever runs the test (root ignores file modes).
        Directory.CreateDirectory(_folder);
        var file = Path.Combine(_folder, "not-a-folder");
        await File.WriteAllTextAsync(file, "x");
        var dataFolder = Path.Combine(file, "data");

        var (exitCode, stdout, stderr) = await RunBotAsync(new() { ["ListeningClub__Discord__Token"] = "token" }, $"--Storage:DataFolder={dataFolder}");

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("ListeningClub cannot start: Storage:DataFolder: cannot write to", line, StringComparison.Ordinal);
        Assert.Contains(dataFolder, line, StringComparison.Ordinal);
        Assert.Contains("ListeningClub__Storage__DataFolder", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr + stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthMode_WithNoBotRunning_ExitsOne()
    {
        var port = FreePort.Next();
        var (exitCode, stdout, _) = await RunBotAsync(new(), "--health", $"--Health:Port={port}");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("unhealthy", stdout, StringComparison.Ordinal);
    }

    internal static async Task<(int ExitCode, string Stdout, string Stderr)> RunBotAsync(Dictionary<string, string?> environment, params string[] args)
    {
        using var process = System.Diagnostics.Process.Start(BotProcess.StartInfo(environment, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
