using System.Globalization;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Discord.Emulator.Hosting;
using ListeningClub.Benchmarks.Hosting;

namespace ListeningClub.Benchmarks.Discord;

/// <summary>
/// The emulator in a child process (this benchmark executable run with <see cref="HostScenario"/>), so that its
/// work and its garbage collections (it keeps every interaction and message it ever saw) do not pause the client
/// being measured, just as Discord's do not. The child stops when its standard input closes.
/// </summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    public const string HostScenario = "discord-emulator-host";
    private const string ReadyLine = "EMULATOR ";

    private readonly ChildScenario _child;

    private EmulatorProcess(ChildScenario child)
    {
        _child = child;
        BaseUrl = new Uri(child.Ready[0]);
        BotToken = child.Ready[1];
    }

    public Uri BaseUrl { get; }

    public Uri ApiBaseUrl => new(BaseUrl, "api/v10");

    public string BotToken { get; }

    public EmulatorControl CreateControl() => new(new HttpClient { BaseAddress = BaseUrl }, ownsClient: true);

    /// <param name="maxConcurrency">GET /gateway/bot's <c>max_concurrency</c> (Discord gives large bots 16): shards that may identify together.</param>
    public static async Task<EmulatorProcess> StartAsync(int maxConcurrency = 1) =>
        new(await ChildScenario.StartAsync(HostScenario, ReadyLine, maxConcurrency.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false));

    /// <summary>The child's side: start the emulator, say where it listens, run until standard input closes.</summary>
    public static async Task HostAsync(string[] args)
    {
        var maxConcurrency = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1;
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorSettings { MaxConcurrency = maxConcurrency }).ConfigureAwait(false);
        await ChildScenario.ServeAsync(string.Create(CultureInfo.InvariantCulture, $"{ReadyLine}{emulator.Core.BaseUrl} {emulator.BotToken}")).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _child.DisposeAsync();
}
