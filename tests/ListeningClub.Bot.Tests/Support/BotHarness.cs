using ListeningClub.Application.Clubs;
using ListeningClub.Application.Nominations;
using ListeningClub.Bot.Posting;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Discord.Emulator.Hosting;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Nominations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ListeningClub.Bot.Tests.Support;

/// <summary>
/// The bot's real services (the LiteDB store in a temp folder, or PostgreSQL in a fresh schema of the test run's cluster;
/// REST client, domain, features) against the Discord emulator, on a fake clock. Nothing is faked but time.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "listeningclub-tests", Guid.NewGuid().ToString("N"));
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _replace;
    private IHost _host = null!;
    private OutboxDispatcher? _dispatcher;

    private BotHarness(DiscordEmulator emulator, FakeTimeProvider time, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? replace)
    {
        _replace = replace;
        Emulator = emulator;
        Time = time;
        Control = emulator.CreateControl();
        _settings = settings;
    }

    public DiscordEmulator Emulator { get; }

    public EmulatorControl Control { get; }

    public FakeTimeProvider Time { get; }

    public CreatedGuild Guild { get; private set; } = null!;

    public ulong GuildId => ulong.Parse(Guild.GuildId, System.Globalization.CultureInfo.InvariantCulture);

    public ulong Channel(string name) => ulong.Parse(Guild.Channels[name], System.Globalization.CultureInfo.InvariantCulture);

    public ulong User(string name) => ulong.Parse(Guild.Users[name], System.Globalization.CultureInfo.InvariantCulture);

    public IServiceProvider Services => _host.Services;

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public object Get(Type type) => _host.Services.GetRequiredService(type);

    /// <param name="start">The fake clock's start.</param>
    /// <param name="settings">More configuration (e.g. <c>Discord:RestMaxRetries</c>), over the defaults.</param>
    /// <param name="replace">Registrations over the bot's (a stand-in for one part), applied at every build.</param>
    /// <param name="store">The store (null: <see cref="TestClubStores.Default"/>); a restart keeps it.</param>
    public static async Task<BotHarness> StartAsync(DateTimeOffset start, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? replace = null, TestClubStore? store = null)
    {
        var time = new FakeTimeProvider(start);
        var merged = new Dictionary<string, string?>();
        foreach (var (key, value) in await TestClubStores.SettingsAsync(store ?? TestClubStores.Default))
        {
            merged[key] = value;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        var emulator = await DiscordEmulator.StartAsync(new EmulatorSettings { RateLimitsEnabled = false });
        var harness = new BotHarness(emulator, time, merged, replace);
        harness.Guild = await harness.Control.CreateGuildAsync(new GuildSpec(
            "Club",
            Channels: [new ChannelSpec("film-night"), new ChannelSpec("album-club"), new ChannelSpec("film-forum", 15)],
            Roles: [new RoleSpec("Club Manager")],
            Members: [new MemberSpec("ana"), new MemberSpec("ben"), new MemberSpec("cho"), new MemberSpec("dev", Permissions: "32"), new MemberSpec("eve", AcceptsDirectMessages: false)]));
        harness.BuildServices();
        return harness;
    }

    /// <summary>Drops every service and builds them again on the same data folder: a restart (the outbox dispatcher is not started again).</summary>
    public async Task RestartAsync()
    {
        await StopServicesAsync();
        BuildServices();
    }

    /// <summary>Starts the outbox dispatcher (a hosted service the harness does not run by itself) on the fake clock; it stops with the harness.</summary>
    public async Task<OutboxDispatcher> StartOutboxDispatcherAsync()
    {
        _dispatcher = Get<OutboxDispatcher>();
        await _dispatcher.StartAsync(CancellationToken.None);
        return _dispatcher;
    }

    public async Task<Track> SetupTrackAsync(string name, MediaKind kind, string channel, string zone = "Europe/Berlin", TrackRules? rules = null)
    {
        var track = await Get<ClubService>().SetupTrackAsync(GuildId, name, kind, Channel(channel), zone, rules ?? TrackRules.Default, CancellationToken.None);
        Assert.True(track.IsSuccess, track.Problem?.Message);
        return track.Value;
    }

    public async Task<Nomination> NominateAsync(Track track, string member, MediaItem media, string? pitch = null)
    {
        var nomination = await Get<NominationService>().NominateAsync(track, User(member), media, pitch, CancellationToken.None);
        Assert.True(nomination.IsSuccess, nomination.Problem?.Message);
        return nomination.Value;
    }

    public async Task<List<MessageEntry>> MessagesAsync(string channel) => await Control.MessagesAsync(Guild.Channels[channel]);

    public async ValueTask DisposeAsync()
    {
        await StopServicesAsync();
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

    private async Task StopServicesAsync()
    {
        if (_dispatcher is not null)
        {
            await _dispatcher.StopAsync(CancellationToken.None);
            _dispatcher = null;
        }

        await ((IAsyncDisposable)_host).DisposeAsync();
    }

    private void BuildServices()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Discord:Token"] = Emulator.BotToken,
            ["Discord:ApiBaseUrl"] = Emulator.ApiBaseUrl.ToString(),
            ["Storage:DataFolder"] = _dataFolder,
        };
        foreach (var (key, value) in _settings)
        {
            settings[key] = value;
        }

        _host = UnstartedHost.Build(settings, services => services.AddSingleton<TimeProvider>(Time), _replace);
    }
}
