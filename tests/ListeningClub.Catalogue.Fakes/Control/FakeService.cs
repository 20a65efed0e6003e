namespace ListeningClub.Catalogue.Fakes.Control;

/// <summary>The three fakes; each has its own path prefix, faults and log entries.</summary>
public enum FakeService
{
    Tmdb,
    MusicBrainz,
    CoverArt,
}

/// <summary>What a fault does instead of (or on top of) the normal answer.</summary>
public enum FaultKind
{
    /// <summary>Only the latency (if any), then the normal answer.</summary>
    None,

    /// <summary>429 with the service's error body (TMDB status_code 25) and Retry-After when set.</summary>
    TooManyRequests,

    /// <summary>503 with the service's error body and Retry-After when set.</summary>
    ServiceUnavailable,

    /// <summary>500.</summary>
    InternalServerError,

    /// <summary>401 with TMDB's status_code 7 body.</summary>
    Unauthorized,

    /// <summary>200, application/json, cut off in the middle.</summary>
    MalformedJson,

    /// <summary>200 with an HTML page (a proxy's error page, a captive portal).</summary>
    Html,

    /// <summary>200 with valid JSON far larger than any real answer (<see cref="ServiceFault.OversizeBytes"/>).</summary>
    Oversized,

    /// <summary>200 with the documented names but the wrong types (numbers as strings, a string for a list).</summary>
    WrongTypes,

    /// <summary>200 with <c>{}</c>: every documented field missing.</summary>
    MissingFields,
}

/// <summary>
/// A fault on one service: wait <see cref="Latency"/>, then answer as <see cref="Kind"/> says, for the next
/// <see cref="Count"/> requests (null: until cleared).
/// </summary>
public sealed record ServiceFault(FaultKind Kind = FaultKind.None, TimeSpan Latency = default, int? Count = null, int? RetryAfterSeconds = null, int OversizeBytes = 3 * 1024 * 1024);
