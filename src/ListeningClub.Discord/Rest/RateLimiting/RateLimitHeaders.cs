using System.Globalization;
using System.Net.Http.Headers;

namespace ListeningClub.Discord.Rest.RateLimiting;

/// <summary>The rate-limit headers of one response (never logs or keeps other headers).</summary>
internal readonly record struct RateLimitHeaders(
    string? Bucket,
    int? Limit,
    int? Remaining,
    double? ResetAfterSeconds,
    double? RetryAfterSeconds,
    bool Global,
    string? Scope)
{
    public bool Any => Bucket is not null || Limit is not null || Remaining is not null || ResetAfterSeconds is not null || Scope is not null || Global;

    public static RateLimitHeaders Read(HttpResponseHeaders headers) => new(
        Get(headers, "X-RateLimit-Bucket"),
        GetInt(headers, "X-RateLimit-Limit"),
        GetInt(headers, "X-RateLimit-Remaining"),
        GetDouble(headers, "X-RateLimit-Reset-After"),
        GetDouble(headers, "Retry-After"),
        string.Equals(Get(headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase),
        Get(headers, "X-RateLimit-Scope"));

    private static string? Get(HttpResponseHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values) ? values.ToString() : null;

    private static int? GetInt(HttpResponseHeaders headers, string name) =>
        int.TryParse(Get(headers, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static double? GetDouble(HttpResponseHeaders headers, string name) =>
        double.TryParse(Get(headers, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
}
