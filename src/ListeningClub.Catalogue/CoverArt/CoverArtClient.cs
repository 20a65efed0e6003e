using System.Globalization;
using System.Net;
using ListeningClub.Catalogue.Http;
using ListeningClub.Catalogue.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ListeningClub.Catalogue.CoverArt;

/// <summary>
/// The Cover Art Archive: does a release group have a front cover? <c>GET /release-group/{mbid}/front-250</c>
/// answers 307 (a redirect to the image: it exists) or 404 (none). The URL to show is the stable
/// <c>front-250</c> URL itself: Discord follows the redirect when it fetches the image.
/// </summary>
public sealed class CoverArtClient
{
    public const string HttpClientName = "ListeningClub.Catalogue.CoverArt";

    private readonly ServiceCaller _caller;
    private readonly IOptionsMonitor<CoverArtOptions> _options;
    private readonly TimeProvider _time;

    public CoverArtClient(IHttpClientFactory factory, IOptionsMonitor<CoverArtOptions> options, TimeProvider time, ILogger<CoverArtClient> logger)
    {
        _options = options;
        _time = time;
        _caller = new ServiceCaller(ServiceInfo.CoverArt, HttpClientName, factory, time, logger);
    }

    public bool IsAvailable => _options.CurrentValue.Enabled && _caller.Health.IsAvailable;

    /// <summary>The stable front-cover URL (it may not exist: see <see cref="FindFrontCoverAsync"/>).</summary>
    public Uri FrontCoverUrl(Guid releaseGroupId)
    {
        var options = _options.CurrentValue;
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"{options.BaseUrl.TrimEnd('/')}/release-group/{releaseGroupId:D}/front-{options.Size}"));
    }

    /// <summary>Found with the front-cover URL when the release group has one; not found when it has none.</summary>
    public async Task<CatalogueResult<Uri>> FindFrontCoverAsync(Guid releaseGroupId, CancellationToken ct = default)
    {
        var options = _options.CurrentValue;
        if (!options.Enabled)
        {
            return CatalogueResult<Uri>.Unavailable(CatalogueFailure.NotConfigured, ServiceInfo.CoverArt.MessageFor(CatalogueFailure.NotConfigured));
        }

        var url = FrontCoverUrl(releaseGroupId);
        var settings = new CallSettings(options.RequestTimeout, options.OutageCooldown, MaxResponseBytes: 0);
        var fetched = await _caller.SendAsync(CatalogueRequest.Plain(url.AbsoluteUri), settings, (response, _) => Task.FromResult(Interpret(response, url)), ct).ConfigureAwait(false);
        return fetched.ToResult(ServiceInfo.CoverArt, CatalogueResult<Uri>.Found);
    }

    private Fetched<Uri> Interpret(HttpResponseMessage response, Uri url)
    {
        var status = (int)response.StatusCode;
        return response.StatusCode switch
        {
            HttpStatusCode.OK => Fetched<Uri>.Found(url),
            _ when status is >= 300 and < 400 && response.Headers.Location is not null => Fetched<Uri>.Found(url),
            HttpStatusCode.NotFound => Fetched<Uri>.NotFound("no front cover"),
            HttpStatusCode.TooManyRequests => Fetched<Uri>.Unavailable(CatalogueFailure.RateLimited, "HTTP 429", RetryAfter.From(response, _time)),
            _ when status >= 500 => Fetched<Uri>.Unavailable(CatalogueFailure.ServiceDown, string.Create(CultureInfo.InvariantCulture, $"HTTP {status}")),
            _ => Fetched<Uri>.Unavailable(CatalogueFailure.Rejected, string.Create(CultureInfo.InvariantCulture, $"HTTP {status}")),
        };
    }
}
