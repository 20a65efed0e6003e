using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using ListeningClub.Catalogue.Http;
using ListeningClub.Catalogue.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ListeningClub.Catalogue.MusicBrainz;

/// <summary>
/// MusicBrainz WS/2 for albums: release-group search (title, optional artist), release-group lookup
/// (<c>inc=artist-credits+releases</c>), and a release resolved to its release group. Always <c>fmt=json</c> with the
/// configured User-Agent. Every request of the process goes through one queue at most one per second; identical
/// requests in flight are one network call.
/// </summary>
public sealed class MusicBrainzClient
{
    public const string HttpClientName = "ListeningClub.Catalogue.MusicBrainz";

    private readonly ServiceCaller _caller;
    private readonly IOptionsMonitor<MusicBrainzOptions> _options;
    private readonly TimeProvider _time;
    private readonly MusicBrainzRateGate _gate;

    internal MusicBrainzClient(IHttpClientFactory factory, IOptionsMonitor<MusicBrainzOptions> options, MusicBrainzRateGate gate, TimeProvider time, ILogger<MusicBrainzClient> logger)
    {
        _options = options;
        _time = time;
        _gate = gate;
        _caller = new ServiceCaller(ServiceInfo.MusicBrainz, HttpClientName, factory, time, logger);
    }

    public bool IsConfigured => _options.CurrentValue.IsConfigured;

    public bool IsAvailable => IsConfigured && _caller.Health.IsAvailable;

    /// <summary>Requests waiting for their turn in the process-wide queue.</summary>
    public int QueueLength => _gate.QueueLength;

    /// <summary>About how long a request made now would wait for its turn (callers with a short budget answer from cache instead).</summary>
    public TimeSpan EstimatedWait => _gate.EstimatedWait;

    /// <summary>Release groups whose title (and artist, when given) match, best first.</summary>
    public async Task<CatalogueResult<IReadOnlyList<CatalogueItem>>> SearchReleaseGroupsAsync(string title, string? artist = null, CancellationToken ct = default)
    {
        var options = _options.CurrentValue;
        if (LuceneQuery.ReleaseGroupSearch(title, artist, options.PrimaryType) is not { } query)
        {
            return CatalogueResult<IReadOnlyList<CatalogueItem>>.Found([]);
        }

        var path = string.Create(CultureInfo.InvariantCulture, $"/release-group?query={Uri.EscapeDataString(query)}&limit={options.SearchLimit}");
        var fetched = await GetAsync(options, path, MusicBrainzJsonContext.Default.MbSearchResult, r => r.ReleaseGroups is null ? "a search answer without release-groups" : null, ct)
            .ConfigureAwait(false);
        return fetched.ToResult(ServiceInfo.MusicBrainz, result =>
        {
            var now = _time.GetUtcNow();
            IReadOnlyList<CatalogueItem> items = result.ReleaseGroups!
                .OrderByDescending(g => g?.Score ?? 0)
                .Select(g => MusicBrainzMapper.ToItem(g, now, detailed: false))
                .OfType<CatalogueItem>()
                .ToList();
            return CatalogueResult<IReadOnlyList<CatalogueItem>>.Found(items);
        });
    }

    /// <summary>One release group with its artist credit, first-release date and types.</summary>
    public async Task<CatalogueResult<CatalogueItem>> GetReleaseGroupAsync(Guid releaseGroupId, CancellationToken ct = default)
    {
        var options = _options.CurrentValue;
        var path = $"/release-group/{releaseGroupId:D}?inc=artist-credits+releases";
        var fetched = await GetAsync(options, path, MusicBrainzJsonContext.Default.MbReleaseGroup, g => g.Id is null || g.Title is null ? "a release group without id or title" : null, ct)
            .ConfigureAwait(false);
        return fetched.ToResult(ServiceInfo.MusicBrainz, group => Found(MusicBrainzMapper.ToItem(group, _time.GetUtcNow(), detailed: true)));
    }

    /// <summary>The release group a release (one edition) belongs to, with the release's track count.</summary>
    public async Task<CatalogueResult<CatalogueItem>> GetReleaseGroupOfReleaseAsync(Guid releaseId, CancellationToken ct = default)
    {
        var options = _options.CurrentValue;
        var path = $"/release/{releaseId:D}?inc=release-groups+artist-credits+media";
        var fetched = await GetAsync(options, path, MusicBrainzJsonContext.Default.MbRelease, r => r.ReleaseGroup?.Id is null ? "a release without its release group" : null, ct)
            .ConfigureAwait(false);
        return fetched.ToResult(ServiceInfo.MusicBrainz, release => Found(MusicBrainzMapper.ToItem(release.ReleaseGroup, _time.GetUtcNow(), detailed: true, release)));
    }

    private static CatalogueResult<CatalogueItem> Found(CatalogueItem? item) => item is null
        ? CatalogueResult<CatalogueItem>.Unavailable(CatalogueFailure.BadResponse, ServiceInfo.MusicBrainz.MessageFor(CatalogueFailure.BadResponse))
        : CatalogueResult<CatalogueItem>.Found(item);

    private async Task<Fetched<T>> GetAsync<T>(MusicBrainzOptions options, string pathAndQuery, JsonTypeInfo<T> type, Func<T, string?> problem, CancellationToken ct)
        where T : class
    {
        if (!options.IsConfigured)
        {
            _caller.Health.ReportNotConfigured();
            return Fetched<T>.Unavailable(CatalogueFailure.NotConfigured, "not configured");
        }

        var separator = pathAndQuery.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var url = options.BaseUrl.TrimEnd('/') + pathAndQuery + separator + "fmt=json";
        var userAgent = options.UserAgent;
        var request = new CatalogueRequest(url, url, message => message.Headers.TryAddWithoutValidation("User-Agent", userAgent));
        var settings = new CallSettings(options.RequestTimeout, options.OutageCooldown, options.MaxResponseBytes, RateLimitedOn503: true);
        return await _caller.GetJsonAsync(request, type, settings, problem, ct).ConfigureAwait(false);
    }
}
