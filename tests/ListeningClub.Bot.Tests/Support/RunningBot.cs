using System.Text.Json.Nodes;
using ListeningClub.Bot.Hosting;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Discord.Emulator.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ListeningClub.Bot.Tests.Support;

/// <summary>The whole bot host (gateway, router, store, scheduler) running against the emulator on the real clock.</summary>
public sealed class RunningBot : IAsyncDisposable
{
    private readonly string _dataFolder;
    private readonly RunningBotSettings _settings;

    private RunningBot(DiscordEmulator emulator, EmulatorControl control, CreatedGuild guild, IHost host, string dataFolder, RunningBotSettings settings)
    {
        _dataFolder = dataFolder;
        _settings = settings;
        Emulator = emulator;
        Control = control;
        Guild = guild;
        Host = host;
    }

    public DiscordEmulator Emulator { get; }

    public EmulatorControl Control { get; }

    public CreatedGuild Guild { get; }

    public IHost Host { get; private set; }

    public string DataFolder => _dataFolder;

    public ulong GuildId => ulong.Parse(Guild.GuildId, System.Globalization.CultureInfo.InvariantCulture);

    public ClubMembers Members => new(Control, Guild);

    public T Get<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    public object Get(Type type) => Host.Services.GetRequiredService(type);

    public static async Task<RunningBot> StartAsync(RunningBotSettings? settings = null)
    {
        settings ??= new RunningBotSettings();
        var emulator = await DiscordEmulator.StartAsync(settings.Emulator ?? new EmulatorSettings { HeartbeatInterval = TimeSpan.FromSeconds(5) });
        var control = emulator.CreateControl();
        var guild = await CreateClubGuildAsync(control, settings.ExtraMembers, settings.BotPermissions);
        var folder = Path.Combine(Path.GetTempPath(), "listeningclub-tests", Guid.NewGuid().ToString("N"));
        var store = await TestClubStores.SettingsAsync(settings.Store ?? TestClubStores.Default);
        settings = settings with { Args = [.. store.Select(s => $"--{s.Key}={s.Value}"), .. settings.Args] };
        var bot = new RunningBot(emulator, control, guild, null!, folder, settings);
        bot.Host = await bot.StartHostAsync();
        return bot;
    }

    /// <summary>The test guild: two track channels, a manager role, three members, a member with Manage Server ("boss") and one with the role ("helper").</summary>
    public static Task<CreatedGuild> CreateClubGuildAsync(EmulatorControl control, IEnumerable<string>? extraMembers = null, string? botPermissions = null)
    {
        ArgumentNullException.ThrowIfNull(control);
        return control.CreateGuildAsync(new GuildSpec(
            "Club",
            Channels: [new ChannelSpec("film-night"), new ChannelSpec("album-club")],
            Roles: [new RoleSpec("Club Manager")],
            Members: [new MemberSpec("ana"), new MemberSpec("ben"), new MemberSpec("cho"), new MemberSpec("boss", Permissions: "32"), new MemberSpec("helper", Roles: ["Club Manager"]), .. (extraMembers ?? []).Select(m => new MemberSpec(m))],
            BotPermissions: botPermissions));
    }

    /// <summary>Stops the bot (as SIGTERM would), runs <paramref name="whileStopped"/> on the data folder, and starts it again on the same folder and emulator.</summary>
    public Task RestartAsync(Action<string>? whileStopped = null) =>
        RestartAsync(folder =>
        {
            whileStopped?.Invoke(folder);
            return Task.CompletedTask;
        });

    /// <summary>As <see cref="RestartAsync(Action{string})"/>, with something asynchronous to do while the bot is down (e.g. members acting in Discord).</summary>
    public async Task RestartAsync(Func<string, Task> whileStopped)
    {
        ArgumentNullException.ThrowIfNull(whileStopped);
        await Host.StopAsync();
        Host.Dispose();
        await whileStopped(_dataFolder);
        Host = await StartHostAsync();
    }

    private async Task<IHost> StartHostAsync()
    {
        var checksBefore = (await Control.RequestsAsync()).Count(IsCommandCheck);
        var builder = BotHost.CreateBuilder(
        [
            $"--Discord:Token={Emulator.BotToken}",
            $"--Discord:ApiBaseUrl={Emulator.ApiBaseUrl}",
            $"--Discord:DevelopmentGuildId={Guild.GuildId}",
            $"--Storage:DataFolder={_dataFolder}",
            "--Abuse:CommandsPerWindow=1000",
            "--Health:Enabled=false",
            .. _settings.Args,
        ]);
        _settings.Configure?.Invoke(builder);
        var host = builder.Build();
        await host.StartAsync();

        // On READY the registrar reads the commands and writes them when they differ (always, on the first start).
        await WaitUntilAsync(
            async () =>
            {
                var requests = await Control.RequestsAsync();
                return requests.Count(IsCommandCheck) > checksBefore && (checksBefore > 0 || requests.Any(r => r.Method == "PUT" && r.Path.Contains("/commands", StringComparison.Ordinal)));
            },
            "commands registered");
        return host;
    }

    private static bool IsCommandCheck(RequestEntry request) => request.Method == "GET" && request.Path.Contains("/commands", StringComparison.Ordinal);

    /// <summary>Sends a slash command as <paramref name="user"/> and returns the interaction once the bot has answered it.</summary>
    public Task<InteractionRecord> CommandAsync(string user, string name, JsonArray? options = null, string channel = "film-night") =>
        Members.CommandAsync(user, name, options, channel);

    public Task<InteractionRecord> ComponentAsync(string user, string customId, string messageId, IReadOnlyList<string>? values = null, string channel = "film-night") =>
        Members.ComponentAsync(user, customId, messageId, values, channel);

    public Task<InteractionRecord> AnsweredAsync(string id) => Members.AnsweredAsync(id);

    /// <summary>Submits a modal the bot opened, with text input values by custom id.</summary>
    public async Task<InteractionRecord> ModalAsync(string user, string customId, IReadOnlyDictionary<string, string> inputs, string channel = "film-night")
    {
        var data = new JsonObject
        {
            ["custom_id"] = customId,
            ["components"] = new JsonArray(inputs.Select(i => (JsonNode)new JsonObject
            {
                ["type"] = 18,
                ["component"] = new JsonObject { ["type"] = 4, ["custom_id"] = i.Key, ["value"] = i.Value },
            }).ToArray()),
        };
        var sent = await Control.SendInteractionAsync(new InteractionSpec(Guild.Channels[channel], Guild.Users[user], 5, data, Guild.GuildId));
        return await AnsweredAsync(sent.Id);
    }

    /// <summary>
    /// Waits until the track has performed step <paramref name="key"/> of the current cycle of every track (e.g. the
    /// nominations-open post a new track makes on its own, after the setup reply): a test that compares the store
    /// before and after a command must not see that step land in between.
    /// </summary>
    public Task StepDoneInEveryTrackAsync(string key) =>
        WaitUntilAsync(
            async () =>
            {
                var club = await Get<ListeningClub.Domain.Clubs.IClubRepository>().GetAsync(GuildId, default);
                foreach (var track in club?.Tracks ?? [])
                {
                    if (await Get<ListeningClub.Domain.Cycles.ICycleRepository>().GetCurrentAsync(track.Id, default) is not { } cycle || !cycle.StepsDone.Contains(key))
                    {
                        return false;
                    }
                }

                return true;
            },
            $"step {key} in every track");

    /// <summary>
    /// How long a test waits for the bot to do something before it fails: generous, because a loaded CI machine can be
    /// many times slower than a quiet one. Tests wait for an outcome, never for a fixed time.
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Waits until <paramref name="condition"/> holds (checked every 20 ms), failing after <see cref="Patience"/> (plus <paramref name="longer"/>, for what the bot does on purpose later).</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan longer = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var patience = Patience + longer;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > patience)
            {
                throw new TimeoutException($"Gave up waiting for {what} after {patience.TotalSeconds:0} s.");
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        Control.Dispose();
        await Emulator.DisposeAsync();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>What a test may change about <see cref="RunningBot"/>: the emulator, the bot's permission grant, more members, settings, the host builder.</summary>
public sealed record RunningBotSettings
{
    public EmulatorSettings? Emulator { get; init; }

    /// <summary>The bot's permission integer in the guild (null: administrator).</summary>
    public string? BotPermissions { get; init; }

    public IReadOnlyList<string> ExtraMembers { get; init; } = [];

    /// <summary>The store the bot keeps its clubs in (null: <see cref="TestClubStores.Default"/>).</summary>
    public TestClubStore? Store { get; init; }

    /// <summary>More command-line settings (they win over the defaults above).</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    public Action<HostApplicationBuilder>? Configure { get; init; }
}
