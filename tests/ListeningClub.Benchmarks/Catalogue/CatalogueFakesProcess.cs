using System.Globalization;
using System.Net.Http.Json;
using ListeningClub.Catalogue.Fakes.Control;
using ListeningClub.Catalogue.Fakes.Hosting;
using ListeningClub.Benchmarks.Hosting;

namespace ListeningClub.Benchmarks.Catalogue;

/// <summary>
/// The TMDB, MusicBrainz and Cover Art Archive fakes in a child process (this benchmark executable run with
/// <see cref="HostScenario"/>), every service answering after a fixed latency, so the fakes' work does not land on
/// the bot being measured, as the real services' would not. The request log is read through the fakes' control API.
/// The child stops when its standard input closes.
/// </summary>
internal sealed class CatalogueFakesProcess : IAsyncDisposable
{
    public const string HostScenario = "catalogue-fakes-host";
    private const string ReadyLine = "FAKES ";

    private readonly ChildScenario _child;
    private readonly HttpClient _control;

    private CatalogueFakesProcess(ChildScenario child)
    {
        _child = child;
        BaseUrl = new Uri(child.Ready[0]);
        TmdbApiKey = child.Ready[1];
        _control = new HttpClient { BaseAddress = new Uri(BaseUrl, "_fake/") };
    }

    public Uri BaseUrl { get; }

    public string TmdbApiKey { get; }

    public string TmdbBaseUrl => new Uri(BaseUrl, "tmdb/3").AbsoluteUri;

    public string MusicBrainzBaseUrl => new Uri(BaseUrl, "musicbrainz/ws/2").AbsoluteUri;

    public string CoverArtBaseUrl => new Uri(BaseUrl, "coverart").AbsoluteUri;

    public static async Task<CatalogueFakesProcess> StartAsync(TimeSpan latency) =>
        new(await ChildScenario.StartAsync(HostScenario, ReadyLine, ((int)latency.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false));

    /// <summary>
    /// The child's side: start the fakes (MusicBrainz's one-request-a-second rule exact, no tolerance), give every
    /// service the latency, say where they listen, run until standard input closes.
    /// </summary>
    public static async Task HostAsync(string[] args)
    {
        var latency = TimeSpan.FromMilliseconds(args.Length > 0 ? int.Parse(args[0], NumberStyles.None, CultureInfo.InvariantCulture) : 150);
        var settings = new FakeSettings();
        await using var fakes = await CatalogueFakes.StartAsync(settings).ConfigureAwait(false);
        foreach (var service in Enum.GetValues<FakeService>())
        {
            fakes.State.SetFault(service, new ServiceFault(FaultKind.None, Latency: latency));
        }

        await ChildScenario.ServeAsync(string.Create(CultureInfo.InvariantCulture, $"{ReadyLine}{fakes.BaseUrl} {settings.TmdbApiKey}")).ConfigureAwait(false);
    }

    /// <summary>The fakes' request log for one service, in arrival order (times on the fakes' clock, at arrival).</summary>
    public async Task<IReadOnlyList<LoggedRequest>> RequestsAsync(FakeService service) =>
        await _control.GetFromJsonAsync<List<LoggedRequest>>(
            new Uri(string.Create(CultureInfo.InvariantCulture, $"requests?service={service}"), UriKind.Relative), ControlRoutes.Json).ConfigureAwait(false) ?? [];

    public async ValueTask DisposeAsync()
    {
        _control.Dispose();
        await _child.DisposeAsync().ConfigureAwait(false);
    }
}
