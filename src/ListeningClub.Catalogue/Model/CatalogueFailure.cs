namespace ListeningClub.Catalogue.Model;

/// <summary>Why a catalogue could not answer. None of these is a bug; each has a user-facing message.</summary>
public enum CatalogueFailure
{
    /// <summary>No credentials or contact configured: the service is off (nominating as typed still works).</summary>
    NotConfigured,

    /// <summary>The service rejected our credentials (TMDB 401). No request is sent until the configuration changes.</summary>
    BadCredentials,

    /// <summary>The service asked us to slow down (TMDB 429, MusicBrainz 503) and its wait outlasts our budget.</summary>
    RateLimited,

    /// <summary>Unreachable or answering 5xx; requests fail fast for a short cool-down after that.</summary>
    ServiceDown,

    /// <summary>No answer within the request timeout.</summary>
    TimedOut,

    /// <summary>The answer was not what the service documents (HTML, malformed JSON, wrong types, missing fields, too large).</summary>
    BadResponse,

    /// <summary>The MusicBrainz queue is too long for this request to go out in time; answer from cache.</summary>
    Busy,

    /// <summary>The caller gave up (its token was cancelled: a deadline, or shutdown).</summary>
    Cancelled,

    /// <summary>The service refused this particular request (4xx other than 401/404/429): it says nothing about the service's health.</summary>
    Rejected,
}
