using System.Globalization;
using ListeningClub.Discord.Emulator.Hosting;

namespace ListeningClub.Discord.Emulator;

/// <summary>Standalone: <c>dotnet run --project src/ListeningClub.Discord.Emulator -- --urls http://127.0.0.1:5055</c>.</summary>
public static class Program
{
    public static async Task Main(string[] args)
    {
        var urlsAt = Array.IndexOf(args, "--urls");
        var settings = new EmulatorSettings
        {
            Urls = urlsAt >= 0 && urlsAt + 1 < args.Length ? args[urlsAt + 1] : "http://127.0.0.1:5055",
            BotToken = Environment.GetEnvironmentVariable("EMULATOR_BOT_TOKEN"),
        };
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        await using var emulator = await DiscordEmulator.StartAsync(settings, stop.Token);
        var output = Console.Out;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Discord emulator API base URL: {emulator.ApiBaseUrl}"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Gateway URL:                  {emulator.GatewayUrl}"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Control API:                  {emulator.ControlUrl}"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Bot token:                    {emulator.BotToken}"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Application id:               {emulator.ApplicationId}"));
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, emulator.Stopping);
        try
        {
            await Task.Delay(Timeout.Infinite, either.Token);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C.
        }
    }
}
