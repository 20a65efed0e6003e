namespace ListeningClub.Catalogue.Http;

/// <summary>
/// A GET to send: the real URL (it may carry credentials), the redacted form for logs and for coalescing identical
/// requests, and an optional step that adds headers.
/// </summary>
internal sealed record CatalogueRequest(string Url, string LogUrl, Action<HttpRequestMessage>? Decorate = null)
{
    public static CatalogueRequest Plain(string url) => new(url, UrlRedaction.Redact(url));

    public string Key => "GET " + LogUrl;
}

/// <summary>The per-service knobs one call needs (read from the service's options on each call).</summary>
internal sealed record CallSettings(
    TimeSpan RequestTimeout,
    TimeSpan OutageCooldown,
    int MaxResponseBytes,
    bool CredentialsRejectedOn401 = false,
    bool RateLimitedOn503 = false);

/// <summary>The request could not be queued (the MusicBrainz queue is full): answer from cache instead.</summary>
internal sealed class CatalogueBusyException() : Exception("The request queue is full.");
