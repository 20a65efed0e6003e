using ListeningClub.Bot.Hosting;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Discord.Emulator.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ListeningClub.Bot.Tests.Hosting;

/// <summary>
/// The built executable meeting a failure an operator can cause: it exits non-zero with one line that names the
/// problem and what to do, and no stack trace (those are for bugs). Exit code 2 needs a fix of the setup (systemd does
/// not restart it), 1 is Discord refusing the bot.
/// </summary>
public sealed class ExpectedFailureTests : IDisposable
{
    private const string StackFrame = "   at ";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "listeningclub-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task SecondInstance_OnTheSameDataFolder_ExitsTwoWithOneLineNamingTheFolder()
    {
        await using var first = await ExecutableBot.StartAsync();

        var (exitCode, stdout, stderr) = await StartupTests.RunBotAsync(new()
        {
            ["ListeningClub__Discord__Token"] = first.Emulator.BotToken,
            ["ListeningClub__Discord__ApiBaseUrl"] = first.Emulator.ApiBaseUrl.ToString(),
            ["ListeningClub__Storage__DataFolder"] = first.DataFolder,
            ["ListeningClub__Health__Enabled"] = "false",
        });

        Assert.Equal(2, exitCode);
        var line = Assert.Single(Lines(stdout, stderr));
        Assert.Contains("already in use by another ListeningClub process", line, StringComparison.Ordinal);
        Assert.Contains(first.DataFolder, line, StringComparison.Ordinal);
        Assert.DoesNotContain(StackFrame, stdout + stderr, StringComparison.Ordinal);

        // The first instance is untouched and still answers.
        Assert.False(first.Process.HasExited);
        Assert.Contains("/nominate film", Slash.Content(await first.Members.CommandAsync("ana", "help")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataFileThatIsNotADatabase_ExitsTwoWithOneLineNamingTheFile_AndLeavesItAlone()
    {
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorSettings());
        Directory.CreateDirectory(_folder);
        var file = Path.Combine(_folder, "listeningclub.db");
        await File.WriteAllTextAsync(file, "these are someone's notes, not a database");

        var (exitCode, stdout, stderr) = await StartupTests.RunBotAsync(Settings(emulator, emulator.BotToken));

        Assert.Equal(2, exitCode);
        var line = Assert.Single(Lines(stdout, stderr));
        Assert.StartsWith("ListeningClub cannot start: ", line, StringComparison.Ordinal);
        Assert.Contains(file, line, StringComparison.Ordinal);
        Assert.DoesNotContain(StackFrame, stdout + stderr, StringComparison.Ordinal);
        Assert.Equal("these are someone's notes, not a database", await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task TokenTheEmulatorRefuses_ExitsOneWithOneLineNamingTheSetting_AndTouchesNoData()
    {
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorSettings());

        var (exitCode, stdout, stderr) = await StartupTests.RunBotAsync(Settings(emulator, "not-the-bot-token"));

        Assert.Equal(1, exitCode);
        var line = Assert.Single(Lines(stdout, stderr));
        Assert.Contains("bot token is invalid", line, StringComparison.Ordinal);
        Assert.Contains("ListeningClub__Discord__Token", line, StringComparison.Ordinal);
        Assert.DoesNotContain(StackFrame, stdout + stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "listeningclub.db")));
    }

    [Fact]
    public async Task FatalGatewayClose4004_WhileRunning_ExitsOneWithOneLineNamingIt()
    {
        await using var bot = await ExecutableBot.StartAsync();
        var before = bot.Process.Lines.Count;

        await bot.Control.GatewayFaultAsync(new GatewayFaultSpec("close", Code: 4004));
        var exitCode = await bot.Process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        var after = bot.Process.Lines.Skip(before).ToList();
        var line = Assert.Single(after, l => l.Contains("4004", StringComparison.Ordinal));
        Assert.Contains("ListeningClub__Discord__Token", line, StringComparison.Ordinal);
        Assert.DoesNotContain(after, l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("warn:", StringComparison.Ordinal));
        Assert.DoesNotContain(StackFrame, bot.Process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SettingOutOfRange_ExitsTwoWithOneLineNamingTheSetting()
    {
        var (exitCode, stdout, stderr) = await StartupTests.RunBotAsync(new()
        {
            ["ListeningClub__Discord__Token"] = "token",
            ["ListeningClub__Storage__DataFolder"] = _folder,
            ["ListeningClub__Discord__GlobalRequestsPerSecond"] = "500",
        });

        Assert.Equal(2, exitCode);
        var line = Assert.Single(Lines(stdout, stderr));
        Assert.Contains("Discord:GlobalRequestsPerSecond", line, StringComparison.Ordinal);
        Assert.DoesNotContain(StackFrame, stdout + stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("many", "", "Discord:ShardCount")]
    [InlineData("4", "2-7", "Discord:ShardIds: shard 7 does not exist when Discord:ShardCount is 4")]
    public async Task ShardSettingsThatMakeNoSense_ExitTwoWithOneLineNamingTheSetting(string count, string ids, string expected)
    {
        var (exitCode, stdout, stderr) = await StartupTests.RunBotAsync(new()
        {
            ["ListeningClub__Discord__Token"] = "token",
            ["ListeningClub__Storage__DataFolder"] = _folder,
            ["ListeningClub__Discord__ShardCount"] = count,
            ["ListeningClub__Discord__ShardIds"] = ids,
        });

        Assert.Equal(2, exitCode);
        var line = Assert.Single(Lines(stdout, stderr));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain(StackFrame, stdout + stderr, StringComparison.Ordinal);
    }

    /// <summary>A bug at start-up is not an expected failure: it escapes the entry point, and its stack trace is logged.</summary>
    [Fact]
    public async Task UnexpectedExceptionAtStart_EscapesWithItsStackTraceLogged()
    {
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorSettings());
        var logs = new CapturedLogs();

        var bug = await Assert.ThrowsAsync<InvalidOperationException>(() => BotHost.RunAsync([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Discord:Token"] = emulator.BotToken,
                ["Discord:ApiBaseUrl"] = emulator.ApiBaseUrl.ToString(),
                ["Storage:DataFolder"] = _folder,
                ["Health:Enabled"] = "false",
            });
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<ILoggerProvider>(logs);
            builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, BrokenAtStart>());
        }));

        Assert.Equal(BrokenAtStart.Message, bug.Message);
        var logged = Assert.Single(logs.Entries, e => e.Level >= LogLevel.Error && e.Text.Contains(BrokenAtStart.Message, StringComparison.Ordinal));
        Assert.Contains($"{StackFrame}{typeof(ExpectedFailureTests).FullName}.{nameof(BrokenAtStart)}.{nameof(BrokenAtStart.StartAsync)}", logged.Text, StringComparison.Ordinal);
    }

    private Dictionary<string, string?> Settings(DiscordEmulator emulator, string token) => new()
    {
        ["ListeningClub__Discord__Token"] = token,
        ["ListeningClub__Discord__ApiBaseUrl"] = emulator.ApiBaseUrl.ToString(),
        ["ListeningClub__Storage__DataFolder"] = _folder,
        ["ListeningClub__Health__Enabled"] = "false",
    };

    private static List<string> Lines(string stdout, string stderr) =>
        (stdout + "\n" + stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private sealed class BrokenAtStart : IHostedService
    {
        public const string Message = "a bug in a hosted service";

        public Task StartAsync(CancellationToken cancellationToken) => throw new InvalidOperationException(Message);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
