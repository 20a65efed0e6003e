using ListeningClub.Catalogue.Fakes.Control;
using ListeningClub.Catalogue.Fakes.CoverArt;
using ListeningClub.Catalogue.Fakes.MusicBrainz;
using ListeningClub.Catalogue.Fakes.Tmdb;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ListeningClub.Catalogue.Fakes.Hosting;

/// <summary>
/// TMDB, MusicBrainz and the Cover Art Archive faked on one loopback Kestrel: <c>/tmdb/3</c>, <c>/musicbrainz/ws/2</c>,
/// <c>/coverart</c>, and the control API at <c>/_fake</c>. Start with <see cref="StartAsync"/>, dispose to stop.
/// </summary>
public sealed class CatalogueFakes : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CatalogueFakes(WebApplication app, FakeState state, Uri baseUrl)
    {
        _app = app;
        State = state;
        BaseUrl = baseUrl;
    }

    /// <summary>e.g. http://127.0.0.1:41234/ (with the trailing slash).</summary>
    public Uri BaseUrl { get; }

    /// <summary>For Catalogue:Tmdb:BaseUrl.</summary>
    public string TmdbBaseUrl => new Uri(BaseUrl, "tmdb/3").AbsoluteUri;

    /// <summary>For Catalogue:MusicBrainz:BaseUrl.</summary>
    public string MusicBrainzBaseUrl => new Uri(BaseUrl, "musicbrainz/ws/2").AbsoluteUri;

    /// <summary>For Catalogue:CoverArt:BaseUrl.</summary>
    public string CoverArtBaseUrl => new Uri(BaseUrl, "coverart").AbsoluteUri;

    public Uri ControlUrl => new(BaseUrl, "_fake");

    /// <summary>In-process access to faults, the log and the seed (the control API does the same over HTTP).</summary>
    public FakeState State { get; }

    public RequestLog Log => State.Log;

    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    public static async Task<CatalogueFakes> StartAsync(FakeSettings? settings = null, CancellationToken ct = default)
    {
        settings ??= new FakeSettings();
        var state = new FakeState(settings);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls(settings.Urls);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(state);
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.Use(FakePipeline.InvokeAsync);
        app.UseRouting();
        TmdbRoutes.Map(app);
        MusicBrainzRoutes.Map(app);
        CoverArtRoutes.Map(app);
        ControlRoutes.Map(app);

        await app.StartAsync(ct).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new CatalogueFakes(app, state, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        State.Stop();
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(grace.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        State.Dispose();
    }
}
