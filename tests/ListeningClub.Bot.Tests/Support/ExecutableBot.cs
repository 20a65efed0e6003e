using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Discord.Emulator.Hosting;

namespace ListeningClub.Bot.Tests.Support;

/// <summary>The built executable against an emulator in this process, configured the way the README says: environment variables only.</summary>
public sealed class ExecutableBot : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    private ExecutableBot(DiscordEmulator emulator, EmulatorControl control, CreatedGuild guild, BotProcess process, string dataFolder, IReadOnlyDictionary<string, string?> settings)
    {
        Emulator = emulator;
        Control = control;
        Guild = guild;
        Process = process;
        DataFolder = dataFolder;
        _settings = settings;
    }

    /// <summary>The emulator's answer deadline for the executable's interactions.</summary>
    public static readonly TimeSpan ExecutableInteractionDeadline = TimeSpan.FromSeconds(30);

    public DiscordEmulator Emulator { get; }

    public EmulatorControl Control { get; }

    public CreatedGuild Guild { get; }

    public BotProcess Process { get; private set; }

    public string DataFolder { get; }

    public ClubMembers Members => new(Control, Guild);

    public static async Task<ExecutableBot> StartAsync(EmulatorSettings? emulatorSettings = null, IEnumerable<string>? extraMembers = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        // The executable is a process of its own that compiles its interaction path on the first interaction; on a loaded
        // machine that alone can take longer than Discord's 3 s, and these tests are about what the executable does, not
        // how fast (the deadline is held by the in-process tests and measured by the interaction-turnaround benchmark).
        var emulatorConfig = emulatorSettings ?? new EmulatorSettings { HeartbeatInterval = TimeSpan.FromSeconds(5) };
        var emulator = await DiscordEmulator.StartAsync(emulatorConfig with { InteractionDeadline = ExecutableInteractionDeadline });
        var control = emulator.CreateControl();
        var guild = await RunningBot.CreateClubGuildAsync(control, extraMembers);
        var folder = Path.Combine(Path.GetTempPath(), "listeningclub-tests", Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?>
        {
            ["ListeningClub__Discord__Token"] = emulator.BotToken,
            ["ListeningClub__Discord__ApiBaseUrl"] = emulator.ApiBaseUrl.ToString(),
            ["ListeningClub__Discord__DevelopmentGuildId"] = guild.GuildId,
            ["ListeningClub__Storage__DataFolder"] = folder,
            ["ListeningClub__Health__Port"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ListeningClub__Abuse__CommandsPerWindow"] = "1000",
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            settings[name] = value;
        }

        var process = BotProcess.Start(settings);
        var bot = new ExecutableBot(emulator, control, guild, process, folder, settings);
        try
        {
            await RunningBot.WaitUntilAsync(
                async () => process.HasExited || (await control.RequestsAsync()).Any(r => r.Method == "PUT" && r.Path.Contains("/commands", StringComparison.Ordinal)),
                "the executable to register its commands");
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The bot exited during start-up:\n{process.Output}");
            }

            return bot;
        }
        catch
        {
            await bot.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the executable again on the same data folder and emulator, once the last one has exited (e.g. after <see cref="BotProcess.Kill"/>).</summary>
    public async Task RestartAsync()
    {
        await Process.WaitForExitAsync(TimeSpan.FromSeconds(30));
        await Process.DisposeAsync();
        var checksBefore = (await Control.RequestsAsync()).Count(IsCommandCheck);
        Process = BotProcess.Start(_settings);
        await RunningBot.WaitUntilAsync(
            async () => Process.HasExited || (await Control.RequestsAsync()).Count(IsCommandCheck) > checksBefore,
            "the restarted executable to check its commands");
        if (Process.HasExited)
        {
            throw new InvalidOperationException($"The bot exited during start-up:\n{Process.Output}");
        }
    }

    private static bool IsCommandCheck(RequestEntry request) => request.Method == "GET" && request.Path.Contains("/commands", StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        Control.Dispose();
        await Emulator.DisposeAsync();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
