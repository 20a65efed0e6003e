using ListeningClub.Catalogue.Fakes.Control;
using ListeningClub.Catalogue.Fakes.Seed;
using ListeningClub.Catalogue.Model;
using ListeningClub.Catalogue.Tests.Fakes;
using Microsoft.Extensions.Logging;

namespace ListeningClub.Catalogue.Tests.Offline;

/// <summary>
/// Every way a catalogue can fail — errors, garbage, slowness — comes back as a typed "unavailable" result within
/// the caller's deadline, the log gets one warning per outage (not one per call), and the service is used again
/// once it recovers.
/// </summary>
public sealed class OfflineSafetyTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    public static TheoryData<FakeService, FaultKind, CatalogueFailure> Faults() => new()
    {
        { FakeService.Tmdb, FaultKind.TooManyRequests, CatalogueFailure.RateLimited },
        { FakeService.Tmdb, FaultKind.ServiceUnavailable, CatalogueFailure.ServiceDown },
        { FakeService.Tmdb, FaultKind.InternalServerError, CatalogueFailure.ServiceDown },
        { FakeService.Tmdb, FaultKind.MalformedJson, CatalogueFailure.BadResponse },
        { FakeService.Tmdb, FaultKind.Html, CatalogueFailure.BadResponse },
        { FakeService.Tmdb, FaultKind.Oversized, CatalogueFailure.BadResponse },
        { FakeService.Tmdb, FaultKind.WrongTypes, CatalogueFailure.BadResponse },
        { FakeService.Tmdb, FaultKind.MissingFields, CatalogueFailure.BadResponse },
        { FakeService.MusicBrainz, FaultKind.TooManyRequests, CatalogueFailure.RateLimited },
        { FakeService.MusicBrainz, FaultKind.ServiceUnavailable, CatalogueFailure.RateLimited },
        { FakeService.MusicBrainz, FaultKind.InternalServerError, CatalogueFailure.ServiceDown },
        { FakeService.MusicBrainz, FaultKind.MalformedJson, CatalogueFailure.BadResponse },
        { FakeService.MusicBrainz, FaultKind.Html, CatalogueFailure.BadResponse },
        { FakeService.MusicBrainz, FaultKind.Oversized, CatalogueFailure.BadResponse },
        { FakeService.MusicBrainz, FaultKind.WrongTypes, CatalogueFailure.BadResponse },
        { FakeService.MusicBrainz, FaultKind.MissingFields, CatalogueFailure.BadResponse },
        { FakeService.CoverArt, FaultKind.TooManyRequests, CatalogueFailure.RateLimited },
        { FakeService.CoverArt, FaultKind.ServiceUnavailable, CatalogueFailure.ServiceDown },
        { FakeService.CoverArt, FaultKind.InternalServerError, CatalogueFailure.ServiceDown },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task EveryFault_IsATypedUnavailable_InTime_WithOneLogLinePerOutage(FakeService service, FaultKind kind, CatalogueFailure expected)
    {
        await using var h = await CatalogueHarness.StartAsync();
        h.Fakes.State.SetFault(service, new ServiceFault(kind, RetryAfterSeconds: kind == FaultKind.TooManyRequests ? 600 : null));

        for (var call = 0; call < 3; call++)
        {
            var started = h.Time.GetUtcNow();
            var result = await CallAsync(h, service);
            Assert.Equal(CatalogueStatus.Unavailable, result.Status);
            Assert.Equal(expected, result.Failure);
            Assert.False(string.IsNullOrEmpty(result.Message));
            Assert.True(h.Time.GetUtcNow() - started <= Deadline, $"took {h.Time.GetUtcNow() - started}");
        }

        Assert.Single(Outages(h));
        var sent = h.Fakes.Log.Count(service);
        Assert.True(sent <= 3, $"{sent} requests: later calls should fail fast during the outage");

        h.Fakes.State.ClearFault(service);
        h.Time.Advance(TimeSpan.FromMinutes(11)); // past the cool-down (and the 600 s Retry-After)
        var recovered = await CallAsync(h, service);
        Assert.True(recovered.Status != CatalogueStatus.Unavailable, recovered.ToString());
        Assert.Single(h.Logs.Lines, l => l.Level == LogLevel.Information && l.Message.Contains("is available again", StringComparison.Ordinal));
        Assert.Single(Outages(h));
    }

    [Theory]
    [InlineData(FakeService.Tmdb)]
    [InlineData(FakeService.MusicBrainz)]
    [InlineData(FakeService.CoverArt)]
    public async Task ASlowService_TimesOut_WithinTheRequestTimeout(FakeService service)
    {
        var prefix = service switch { FakeService.Tmdb => "Catalogue:Tmdb", FakeService.MusicBrainz => "Catalogue:MusicBrainz", _ => "Catalogue:CoverArt" };
        await using var h = await CatalogueHarness.StartAsync(new Dictionary<string, string?>
        {
            [prefix + ":AttemptTimeout"] = "00:00:02",
            [prefix + ":RequestTimeout"] = "00:00:05",
            [prefix + ":MaxRetries"] = "1",
        });
        h.Fakes.State.SetFault(service, new ServiceFault(Latency: TimeSpan.FromHours(1)));

        var started = h.Time.GetUtcNow();
        var result = await CallAsync(h, service);

        Assert.Equal(CatalogueFailure.TimedOut, result.Failure);
        Assert.True(h.Time.GetUtcNow() - started <= TimeSpan.FromSeconds(5.5), $"took {h.Time.GetUtcNow() - started}");
        Assert.Single(Outages(h));
    }

    [Fact]
    public async Task ACallersDeadline_EndsTheCall_WithoutAnOutage()
    {
        await using var h = await CatalogueHarness.StartAsync();
        h.Fakes.State.SetFault(FakeService.Tmdb, new ServiceFault(Latency: TimeSpan.FromHours(1)));
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(2), h.Time);

        var started = h.Time.GetUtcNow();
        var result = await h.PumpAsync(h.Catalogue.SearchFilmsAsync("alien", null, deadline.Token));

        Assert.Equal(CatalogueFailure.Cancelled, result.Failure);
        Assert.True(h.Time.GetUtcNow() - started <= TimeSpan.FromSeconds(2.1));
        Assert.Empty(Outages(h));
    }

    [Fact]
    public async Task AnUnreachableService_IsDown_NotAnException()
    {
        await using var h = await CatalogueHarness.StartAsync(new Dictionary<string, string?> { ["Catalogue:Tmdb:BaseUrl"] = "http://127.0.0.1:9/3", ["Catalogue:Tmdb:MaxRetries"] = "0" });
        var result = await h.Tmdb.SearchMoviesAsync("alien", ct: CancellationToken.None);

        Assert.Equal(CatalogueFailure.ServiceDown, result.Failure);
        Assert.Single(Outages(h));
    }

    private static IEnumerable<LogLine> Outages(CatalogueHarness h) =>
        h.Logs.Lines.Where(l => l.Level == LogLevel.Warning && l.Message.Contains("is unavailable", StringComparison.Ordinal));

    private static async Task<CatalogueResult<object>> CallAsync(CatalogueHarness h, FakeService service)
    {
        using var deadline = new CancellationTokenSource(Deadline, h.Time);
        return service switch
        {
            FakeService.Tmdb => Erase(await h.PumpAsync(h.Tmdb.SearchMoviesAsync("alien", ct: deadline.Token))),
            FakeService.MusicBrainz => Erase(await h.PumpAsync(h.MusicBrainz.SearchReleaseGroupsAsync("kid a", ct: deadline.Token))),
            _ => Erase(await h.PumpAsync(h.CoverArt.FindFrontCoverAsync(SeedAlbums.All[0].Id, deadline.Token))),
        };
    }

    private static CatalogueResult<object> Erase<T>(CatalogueResult<T> result)
        where T : class => result.IsFound ? CatalogueResult<object>.Found(result.Value!) : result.As<object>();
}
