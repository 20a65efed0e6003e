using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using ListeningClub.Catalogue.Http;
using ListeningClub.Catalogue.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ListeningClub.Catalogue.Tmdb;

/// <summary>
/// TMDB API v3 for films: search (title, optional year), details with the director (<c>append_to_response=credits</c>),
/// find by IMDb id, poster URLs. Authenticates with the read access token (<c>Authorization: Bearer</c>) or the
/// <c>api_key</c> parameter; neither is ever logged. A rejected key (401) stops all requests until the configuration
/// changes. One instance per process (the health and the coalescing are shared); it uses a named
/// <see cref="IHttpClientFactory"/> client with retries for 429/5xx.
/// </summary>
public sealed class TmdbClient : IDisposable
{
    public const string HttpClientName = "ListeningClub.Catalogue.Tmdb";

    private readonly ServiceCaller _caller;
    private readonly IOptionsMonitor<TmdbOptions> _options;
    private readonly TimeProvider _time;
    private readonly IDisposable? _onChange;

    public TmdbClient(IHttpClientFactory factory, IOptionsMonitor<TmdbOptions> options, TimeProvider time, ILogger<TmdbClient> logger)
    {
        _options = options;
        _time = time;
        _caller = new ServiceCaller(ServiceInfo.Tmdb, HttpClientName, factory, time, logger);
        _onChange = options.OnChange(_ => _caller.Health.ResetCredentials());
    }

    /// <summary>A key or a token is configured.</summary>
    public bool IsConfigured => _options.CurrentValue.IsConfigured;

    /// <summary>Configured, not in an outage, credentials not rejected.</summary>
    public bool IsAvailable => IsConfigured && _caller.Health.IsAvailable;

    /// <summary>Up to 20 films matching <paramref name="query"/> (most popular first), optionally of one release year.</summary>
    public async Task<CatalogueResult<IReadOnlyList<CatalogueItem>>> SearchMoviesAsync(string query, int? year = null, CancellationToken ct = default)
    {
        var options = _options.CurrentValue;
        var text = CatalogueText.Line(query, 200);
        if (text is null)
        {
            return CatalogueResult<IReadOnlyList<CatalogueItem>>.Found([]);
        }

        var path = new StringBuilder("/search/movie?query=").Append(Uri.EscapeDataString(text)).Append("&include_adult=false");
        if (year is >= 1850 and <= 2300)
        {
            path.Append(CultureInfo.InvariantCulture, $"&year={year}");
        }

        path.Append("&page=1");
        var fetched = await GetAsync<TmdbSearchPage>(options, path.ToString(), p => p.Results is null ? "a search page without results" : null, ct).ConfigureAwait(false);
        return fetched.ToResult(ServiceInfo.Tmdb, page =>
        {
            var now = _time.GetUtcNow();
            IReadOnlyList<CatalogueItem> items = page.Results!.Select(m => TmdbMapper.ToItem(m, options, now, detailed: false)).OfType<CatalogueItem>().ToList();
            return CatalogueResult<IReadOnlyList<CatalogueItem>>.Found(items);
        });
    }

    /// <summary>One film with its director(s), runtime, genres and IMDb id.</summary>
    public async Task<CatalogueResult<CatalogueItem>> GetMovieAsync(int movieId, CancellationToken ct = default)
    {
        if (movieId <= 0)
        {
            return CatalogueResult<CatalogueItem>.NotFound($"{ServiceInfo.Tmdb.Noun} has no such item.");
        }

        var options = _options.CurrentValue;
        var path = string.Create(CultureInfo.InvariantCulture, $"/movie/{movieId}?append_to_response=credits");
        var fetched = await GetAsync<TmdbMovie>(options, path, m => m.Id is not > 0 || string.IsNullOrWhiteSpace(m.Title) ? "a movie without id or title" : null, ct)
            .ConfigureAwait(false);
        return fetched.ToResult(ServiceInfo.Tmdb, movie => TmdbMapper.ToItem(movie, options, _time.GetUtcNow(), detailed: true) is { } item
            ? CatalogueResult<CatalogueItem>.Found(item)
            : CatalogueResult<CatalogueItem>.NotFound($"{ServiceInfo.Tmdb.Noun} has no such item."));
    }

    /// <summary>The film with this IMDb id (<c>tt0078748</c>), as a search hit (no director: follow with <see cref="GetMovieAsync"/>).</summary>
    public async Task<CatalogueResult<CatalogueItem>> FindByImdbIdAsync(string imdbId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(imdbId);
        var id = imdbId.Trim().ToLowerInvariant();
        if (!Links.CatalogueLinkParser.TryParse(id, out var link) || link.Kind != Links.CatalogueLinkKind.ImdbTitle)
        {
            return CatalogueResult<CatalogueItem>.NotFound($"{ServiceInfo.Tmdb.Noun} has no such item.");
        }

        var options = _options.CurrentValue;
        var fetched = await GetAsync<TmdbFindResult>(options, $"/find/{link.Id}?external_source=imdb_id", f => f.MovieResults is null ? "a find answer without movie_results" : null, ct)
            .ConfigureAwait(false);
        return fetched.ToResult(ServiceInfo.Tmdb, found =>
            found.MovieResults!.Select(m => TmdbMapper.ToItem(m, options, _time.GetUtcNow(), detailed: false)).OfType<CatalogueItem>().FirstOrDefault() is { } item
                ? CatalogueResult<CatalogueItem>.Found(item)
                : CatalogueResult<CatalogueItem>.NotFound($"{ServiceInfo.Tmdb.Noun} has no film with that IMDb id."));
    }

    /// <summary>The poster URL for a TMDB <c>poster_path</c> in the configured size.</summary>
    public Uri? PosterUrl(string? posterPath) => TmdbImages.PosterUrl(_options.CurrentValue.ImageBaseUrl, _options.CurrentValue.PosterSize, posterPath);

    public void Dispose() => _onChange?.Dispose();

    private async Task<Fetched<T>> GetAsync<T>(TmdbOptions options, string pathAndQuery, Func<T, string?> problem, CancellationToken ct)
        where T : class
    {
        if (!options.IsConfigured)
        {
            _caller.Health.ReportNotConfigured();
            return Fetched<T>.Unavailable(CatalogueFailure.NotConfigured, "not configured");
        }

        var url = options.BaseUrl.TrimEnd('/') + pathAndQuery + "&language=" + Uri.EscapeDataString(options.Language);
        var token = options.ReadAccessToken?.Trim();
        var request = string.IsNullOrEmpty(token)
            ? new CatalogueRequest(url + "&api_key=" + Uri.EscapeDataString(options.ApiKey!.Trim()), url)
            : new CatalogueRequest(url, url, message => message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token));
        var settings = new CallSettings(options.RequestTimeout, options.OutageCooldown, options.MaxResponseBytes, CredentialsRejectedOn401: true);
        return await _caller.GetJsonAsync(request, Json<T>(), settings, problem, ct).ConfigureAwait(false);
    }

    private static System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> Json<T>() =>
        (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)TmdbJsonContext.Default.GetTypeInfo(typeof(T))!;
}
