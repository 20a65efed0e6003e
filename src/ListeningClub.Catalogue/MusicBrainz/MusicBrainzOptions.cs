using System.ComponentModel.DataAnnotations;

namespace ListeningClub.Catalogue.MusicBrainz;

/// <summary>
/// How the bot reaches MusicBrainz (albums). Bound from <c>Catalogue:MusicBrainz</c>. MusicBrainz asks every client
/// for a meaningful User-Agent, <c>AppName/Version ( contact )</c>: album lookups stay off until <see cref="Contact"/> is set.
/// </summary>
public sealed class MusicBrainzOptions
{
    public const string SectionName = "Catalogue:MusicBrainz";

    [Required]
    [Url]
    public string BaseUrl { get; set; } = "https://musicbrainz.org/ws/2";

    [Required]
    [RegularExpression(@"^[A-Za-z0-9._\-]{1,50}$")]
    public string ApplicationName { get; set; } = "ListeningClub";

    [Required]
    [RegularExpression(@"^[A-Za-z0-9._\-+]{1,30}$")]
    public string ApplicationVersion { get; set; } = typeof(MusicBrainzOptions).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";

    /// <summary>A URL or e-mail address MusicBrainz can reach the bot's operator at.</summary>
    [RegularExpression(@"^[^\s()]{3,200}$", ErrorMessage = "Catalogue:MusicBrainz:Contact must be a URL or an e-mail address without spaces or parentheses.")]
    public string? Contact { get; set; }

    /// <summary>The least time between two requests, for the whole process. MusicBrainz allows one per second.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Requests waiting for their turn; a request beyond this answers "busy" at once (callers answer from cache).</summary>
    [Range(1, 1_000)]
    public int MaxQueueLength { get; set; } = 20;

    /// <summary>How long every request waits after a 503 without a Retry-After (MusicBrainz's "slow down").</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan BackoffAfter503 { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The whole call: the wait in the queue, retries and the answer.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    [Range(0, 5)]
    public int MaxRetries { get; set; } = 1;

    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan OutageCooldown { get; set; } = TimeSpan.FromSeconds(30);

    [Range(4 * 1024, 64 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Results asked for per search (MusicBrainz allows 1–100).</summary>
    [Range(1, 100)]
    public int SearchLimit { get; set; } = 25;

    /// <summary>The release-group primary type searches keep (e.g. "album"); empty for every type.</summary>
    [RegularExpression("^[a-z ]{0,30}$")]
    public string PrimaryType { get; set; } = "album";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Contact);

    /// <summary><c>ListeningClub/1.2.0 ( https://example.org/contact )</c>.</summary>
    public string UserAgent => $"{ApplicationName}/{ApplicationVersion} ( {Contact?.Trim()} )";
}
