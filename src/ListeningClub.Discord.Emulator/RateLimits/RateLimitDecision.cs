namespace ListeningClub.Discord.Emulator.RateLimits;

/// <summary>Outcome of a rate-limit check, with what the response headers must say.</summary>
public sealed record RateLimitDecision(
    bool Allowed,
    int Limit,
    int Remaining,
    double ResetAtEpochSeconds,
    double ResetAfterSeconds,
    string BucketHash,
    bool Global,
    string Scope,
    double RetryAfterSeconds);
