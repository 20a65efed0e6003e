namespace ListeningClub.Catalogue.Http;

/// <summary>How a named client retries: attempts, the first backoff, the longest Retry-After worth waiting for, and per-attempt timeout.</summary>
internal sealed record RetrySettings(int MaxRetries, TimeSpan BaseDelay, TimeSpan MaxRetryAfter, TimeSpan AttemptTimeout);
