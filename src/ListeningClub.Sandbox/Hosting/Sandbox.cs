using ListeningClub.Bot.Hosting;
using ListeningClub.Discord.Emulator.Hosting;
using ListeningClub.Sandbox.Demo;
using ListeningClub.Sandbox.Members;
using ListeningClub.Sandbox.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ListeningClub.Sandbox.Hosting;

/// <summary>
/// Everything the sandbox runs, in one process, all on 127.0.0.1: the Discord emulator, the real bot against it (its
/// own host, configuration and features; the LiteDB file in the sandbox folder), the demo server seeded through the
/// bot's commands, and the page. Disposing stops them in the order that lets each finish cleanly: the page, the bot
/// (it drains its store), the emulator.
/// </summary>
public sealed class Sandbox : IAsyncDisposable
{
    /// <summary>
    /// Discord gives a bot 3 s to acknowledge an interaction. The sandbox gives it 10: the bot compiles each path on its
    /// first use, and on a busy machine that alone can pass 3 s; the bot still acknowledges (or defers) as it would on Discord.
    /// </summary>
    public static readonly TimeSpan InteractionDeadline = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly List<IAsyncDisposable> _parts;

    private Sandbox(List<IAsyncDisposable> parts, DemoServer demo, Uri url)
    {
        _parts = parts;
        Demo = demo;
        Url = url;
    }

    /// <summary>The page's address, e.g. http://127.0.0.1:5180/.</summary>
    public Uri Url { get; }

    public DemoServer Demo { get; }

    public static async Task<Sandbox> StartAsync(SandboxSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var time = TimeProvider.System;
        var parts = new List<IAsyncDisposable>();
        try
        {
            var emulator = await DiscordEmulator.StartAsync(new EmulatorSettings { Urls = "http://127.0.0.1:0", InteractionDeadline = InteractionDeadline }, ct).ConfigureAwait(false);
            parts.Add(emulator);
            var control = emulator.CreateControl();
            var files = new HttpClient { BaseAddress = new Uri(emulator.ControlUrl, "/") };
            parts.Add(new Disposing(() => { control.Dispose(); files.Dispose(); }));
            var demo = await DemoServer.CreateAsync(control, ct).ConfigureAwait(false);
            var actions = new MemberActions(control, demo.GuildId);
            var autoplay = new Autoplay(demo, actions, time);

            // The page's port first: when it is taken, the sandbox says so before starting anything else.
            var web = SandboxWeb.Build(settings.Port, new SandboxWeb.Parts(control, files, actions, demo, autoplay, time));
            await web.StartAsync(ct).ConfigureAwait(false);
            parts.Add(new Disposing(async () =>
            {
                await web.StopAsync(CancellationToken.None).ConfigureAwait(false);
                await web.DisposeAsync().ConfigureAwait(false);
            }));

            var bot = BuildBot(emulator, demo, settings.DataFolder);
            await bot.StartAsync(ct).ConfigureAwait(false);
            parts.Add(new Disposing(async () =>
            {
                await bot.StopAsync(CancellationToken.None).ConfigureAwait(false);
                bot.Dispose();
            }));
            parts.Add(autoplay);
            await demo.WaitForCommandsAsync(control, StartTimeout, time, ct).ConfigureAwait(false);
            foreach (var problem in await demo.SeedAsync(actions, ct).ConfigureAwait(false))
            {
                await Console.Error.WriteLineAsync($"ListeningClub sandbox: seeding the demo server: {problem}").ConfigureAwait(false);
            }

            return new Sandbox(parts, demo, SandboxWeb.Address(web));
        }
        catch
        {
            await StopAsync(parts).ConfigureAwait(false);
            throw;
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync(_parts));

    /// <summary>Stops what was started, last first: the bot before the page and the page before the emulator.</summary>
    private static async Task StopAsync(List<IAsyncDisposable> parts)
    {
        for (var i = parts.Count - 1; i >= 0; i--)
        {
            await parts[i].DisposeAsync().ConfigureAwait(false);
        }

        parts.Clear();
    }

    private sealed class Disposing(Func<Task> stop) : IAsyncDisposable
    {
        public Disposing(Action stop)
            : this(() =>
            {
                stop();
                return Task.CompletedTask;
            })
        {
        }

        public async ValueTask DisposeAsync() => await stop().ConfigureAwait(false);
    }

    /// <summary>
    /// The bot's own host (<see cref="BotHost.CreateBuilder"/>, as <c>ListeningClub.Bot</c> builds it) configured for the
    /// emulator: its token and API address, commands registered in the demo server, the store in the sandbox folder; no
    /// health port, no web archive, no catalogue keys (films and albums are nominated as typed; nothing leaves the
    /// machine). Its log goes to standard error, warnings and up, so standard output carries only the page's address.
    /// The sandbox owns Ctrl+C: the bot stops when the sandbox stops it.
    /// </summary>
    private static IHost BuildBot(DiscordEmulator emulator, DemoServer demo, string dataFolder)
    {
        var builder = BotHost.CreateBuilder(
        [
            $"--Discord:Token={emulator.BotToken}",
            $"--Discord:ApiBaseUrl={emulator.ApiBaseUrl}",
            $"--Discord:DevelopmentGuildId={demo.GuildId}",
            $"--Storage:DataFolder={dataFolder}",
            "--Health:Enabled=false",
            "--Web:Enabled=false",
            "--Abuse:CommandsPerWindow=100",
            "--Catalogue:Tmdb:ApiKey=",
            "--Catalogue:Tmdb:ReadAccessToken=",
            "--Catalogue:MusicBrainz:Contact=",
            "--Catalogue:CoverArt:Enabled=false",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning",
        ]);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSingleton<IHostLifetime, SandboxLifetime>();
        return builder.Build();
    }
}
