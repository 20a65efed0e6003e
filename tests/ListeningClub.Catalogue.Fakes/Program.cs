using System.Globalization;
using ListeningClub.Catalogue.Fakes.Hosting;

namespace ListeningClub.Catalogue.Fakes;

/// <summary>Standalone: <c>dotnet run --project tests/ListeningClub.Catalogue.Fakes -- --urls http://127.0.0.1:5066</c>.</summary>
public static class Program
{
    public static async Task Main(string[] args)
    {
        var urlsAt = Array.IndexOf(args, "--urls");
        var settings = new FakeSettings
        {
            Urls = urlsAt >= 0 && urlsAt + 1 < args.Length ? args[urlsAt + 1] : "http://127.0.0.1:5066",
            MusicBrainzTolerance = TimeSpan.FromMilliseconds(50), // real clock: allow for network jitter
        };
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        await using var fakes = await CatalogueFakes.StartAsync(settings, stop.Token);
        var output = Console.Out;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Catalogue:Tmdb:BaseUrl        {fakes.TmdbBaseUrl}"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Catalogue:Tmdb:ApiKey         {settings.TmdbApiKey}"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Catalogue:MusicBrainz:BaseUrl {fakes.MusicBrainzBaseUrl}"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Catalogue:CoverArt:BaseUrl    {fakes.CoverArtBaseUrl}"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Control API                   {fakes.ControlUrl}"));
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, fakes.Stopping);
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
