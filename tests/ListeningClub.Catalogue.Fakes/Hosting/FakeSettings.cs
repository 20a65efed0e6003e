namespace ListeningClub.Catalogue.Fakes.Hosting;

/// <summary>How the fakes start: where they listen, the clock they keep time by, TMDB's valid credentials, MusicBrainz's rate rule.</summary>
public sealed class FakeSettings
{
    /// <summary>Kestrel URL; port 0 picks a free loopback port.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:0";

    /// <summary>The clock for latency, the MusicBrainz rate rule and the request log (a FakeTimeProvider in tests).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public string TmdbApiKey { get; init; } = "fake-tmdb-api-key-0123456789abcdef";

    public string TmdbReadAccessToken { get; init; } = "fake-tmdb-read-access-token-eyJhbGciOiJIUzI1NiJ9";

    /// <summary>MusicBrainz allows one request per second per client IP and answers 503 to the rest.</summary>
    public TimeSpan MusicBrainzMinInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Slack for network jitter when running on the real clock (zero on a fake clock: exact).</summary>
    public TimeSpan MusicBrainzTolerance { get; init; } = TimeSpan.Zero;
}
