using System.ComponentModel.DataAnnotations;

namespace ListeningClub.Catalogue.Tmdb;

/// <summary>
/// How the bot reaches TMDB (films). Bound from <c>Catalogue:Tmdb</c>. Without an API key or a read access token
/// film lookups are off and titles are taken as typed. Secrets come from the environment or user-secrets.
/// </summary>
public sealed class TmdbOptions
{
    public const string SectionName = "Catalogue:Tmdb";

    /// <summary>A v3 API key, sent as the <c>api_key</c> query parameter (ListeningClub__Catalogue__Tmdb__ApiKey).</summary>
    public string? ApiKey { get; set; }

    /// <summary>The API read access token, sent as <c>Authorization: Bearer</c>; preferred when both are set.</summary>
    public string? ReadAccessToken { get; set; }

    [Required]
    [Url]
    public string BaseUrl { get; set; } = "https://api.themoviedb.org/3";

    /// <summary>Where posters are served from; a poster URL is <c>{ImageBaseUrl}/{PosterSize}{poster_path}</c>.</summary>
    [Required]
    [Url]
    public string ImageBaseUrl { get; set; } = "https://image.tmdb.org/t/p";

    [Required]
    [AllowedValues("w92", "w154", "w185", "w342", "w500", "w780", "original")]
    public string PosterSize { get; set; } = "w342";

    /// <summary>The language of titles and synopses (ISO 639-1 with an optional region, e.g. en-US, de-DE).</summary>
    [Required]
    [RegularExpression("^[a-z]{2}(-[A-Z]{2})?$")]
    public string Language { get; set; } = "en-US";

    /// <summary>The whole call, retries included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:02:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(8);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Retries after a 429, a 5xx, a transport error or an attempt timeout.</summary>
    [Range(0, 5)]
    public int MaxRetries { get; set; } = 2;

    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest <c>Retry-After</c> worth waiting for inside one call; longer ones end the call as rate limited.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>After an outage is detected, calls fail fast this long (or for the service's Retry-After) before one probes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan OutageCooldown { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Bigger answers are rejected as bad responses (details with full credits are well under 1 MB).</summary>
    [Range(4 * 1024, 64 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 2 * 1024 * 1024;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey) || !string.IsNullOrWhiteSpace(ReadAccessToken);

    public override string ToString() =>
        $"TmdbOptions(BaseUrl={BaseUrl}, ApiKey={(string.IsNullOrEmpty(ApiKey) ? "<none>" : "<redacted>")}, ReadAccessToken={(string.IsNullOrEmpty(ReadAccessToken) ? "<none>" : "<redacted>")})";
}
