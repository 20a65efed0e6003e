using System.Diagnostics;
using System.Globalization;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Discord.Emulator.Hosting;

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

    private readonly Process _process;

    private EmulatorProcess(Process process, Uri baseUrl, string botToken)
    {
        _process = process;
        BaseUrl = baseUrl;
        BotToken = botToken;
    }

    public Uri BaseUrl { get; }

    public Uri ApiBaseUrl => new(BaseUrl, "api/v10");

    public string BotToken { get; }

    public EmulatorControl CreateControl() => new(new HttpClient { BaseAddress = BaseUrl }, ownsClient: true);

    public static async Task<EmulatorProcess> StartAsync()
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = new ProcessStartInfo(host) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(EmulatorProcess).Assembly.Location);
        }

        start.ArgumentList.Add("--scenario");
        start.ArgumentList.Add(HostScenario);
        var process = Process.Start(start) ?? throw new InvalidOperationException("The emulator process did not start.");
        while (await process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (line.StartsWith(ReadyLine, StringComparison.Ordinal))
            {
                var parts = line[ReadyLine.Length..].Split(' ');
                return new EmulatorProcess(process, new Uri(parts[0]), parts[1]);
            }
        }

        throw new InvalidOperationException("The emulator process exited before it was ready.");
    }

    /// <summary>The child's side: start the emulator, say where it listens, run until standard input closes.</summary>
    public static async Task HostAsync()
    {
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorSettings()).ConfigureAwait(false);
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{ReadyLine}{emulator.Core.BaseUrl} {emulator.BotToken}")).ConfigureAwait(false);
        await Console.Out.FlushAsync().ConfigureAwait(false);
        while (await Console.In.ReadLineAsync().ConfigureAwait(false) is not null)
        {
            // Nothing is sent; end of input means the parent is done (or gone).
        }
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
