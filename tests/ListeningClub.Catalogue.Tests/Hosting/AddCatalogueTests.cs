using System.Net;
using System.Net.Http.Json;
using ListeningClub.Catalogue.Fakes.Control;
using ListeningClub.Catalogue.Fakes.Hosting;
using ListeningClub.Catalogue.Hosting;
using ListeningClub.Catalogue.MusicBrainz;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ListeningClub.Catalogue.Tests.Hosting;

public sealed class AddCatalogueTests
{
    [Theory]
    [InlineData("Catalogue:Tmdb:BaseUrl", "not a url")]
    [InlineData("Catalogue:MusicBrainz:MinInterval", "00:00:00.500")]
    [InlineData("Catalogue:MusicBrainz:Contact", "me (at) example")]
    [InlineData("Catalogue:Tmdb:PosterSize", "w9999")]
    [InlineData("Catalogue:CoverArt:Size", "300")]
    public async Task InvalidSettings_StopTheHostAtStart(string key, string value)
    {
        using var host = Host.CreateDefaultBuilder()
            .ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }))
            .ConfigureServices(s => s.AddCatalogue())
            .Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(key.Split(':')[^1], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDefaults_StartWithoutAnySettings_AndAskMusicBrainzAtMostOncePerSecond()
    {
        using var host = Host.CreateDefaultBuilder().ConfigureServices(s => s.AddCatalogue().AddCatalogue()).Build();
        await host.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<MusicBrainzOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(1), options.MinInterval);
        Assert.Equal("https://musicbrainz.org/ws/2", options.BaseUrl);
        Assert.False(options.IsConfigured);
        Assert.NotNull(host.Services.GetRequiredService<ICatalogue>());
        await host.StopAsync();
    }

    [Fact]
    public async Task TheFakesControlApi_SetsFaults_AndShowsTheRequestLog()
    {
        await using var fakes = await CatalogueFakes.StartAsync();
        using var http = new HttpClient { BaseAddress = fakes.BaseUrl };

        var put = await http.PutAsJsonAsync("_fake/faults/tmdb", new ServiceFault(FaultKind.TooManyRequests, Count: 1, RetryAfterSeconds: 2), ControlRoutes.Json);
        var limited = await http.GetAsync(new Uri("tmdb/3/search/movie?query=alien&api_key=" + fakes.State.Settings.TmdbApiKey, UriKind.Relative));
        var normal = await http.GetAsync(new Uri("tmdb/3/search/movie?query=alien&api_key=" + fakes.State.Settings.TmdbApiKey, UriKind.Relative));
        var log = await http.GetFromJsonAsync<List<LoggedRequest>>("_fake/requests?service=tmdb", ControlRoutes.Json);

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.Equal((HttpStatusCode.TooManyRequests, "2"), (limited.StatusCode, limited.Headers.RetryAfter?.ToString()));
        Assert.Contains("\"status_code\":25", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, normal.StatusCode);
        Assert.Equal([429, 200], log!.Select(r => r.Status));
        Assert.All(log!, r => Assert.Contains("api_key=***", r.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheMusicBrainzFake_RefusesRequestsWithoutUserAgent_AndOverTheRate()
    {
        await using var fakes = await CatalogueFakes.StartAsync();
        using var http = new HttpClient { BaseAddress = fakes.BaseUrl };
        var url = new Uri("musicbrainz/ws/2/release-group?query=releasegroup:blue&fmt=json", UriKind.Relative);

        var anonymous = await http.GetAsync(url);
        http.DefaultRequestHeaders.UserAgent.ParseAdd("Test/1.0 ( test@example.org )");
        var first = await http.GetAsync(url);
        var tooSoon = await http.GetAsync(url);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable), (anonymous.StatusCode, first.StatusCode, tooSoon.StatusCode));
    }
}
