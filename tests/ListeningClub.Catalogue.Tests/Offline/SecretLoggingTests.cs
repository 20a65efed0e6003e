using ListeningClub.Catalogue.Fakes.Control;
using ListeningClub.Catalogue.Tests.Fakes;
using ListeningClub.Catalogue.Tmdb;

namespace ListeningClub.Catalogue.Tests.Offline;

public sealed class SecretLoggingTests
{
    private const string Key = "fake-tmdb-api-key-0123456789abcdef";
    private const string Token = "fake-tmdb-read-access-token-eyJhbGciOiJIUzI1NiJ9";

    [Theory]
    [InlineData("Catalogue:Tmdb:ApiKey", Key)]
    [InlineData("Catalogue:Tmdb:ReadAccessToken", Token)]
    public async Task NeitherTheKeyNorTheToken_EverAppearsInALogLine(string setting, string secret)
    {
        await using var h = await CatalogueHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Catalogue:Tmdb:ApiKey"] = null,
            [setting] = secret,
            ["Catalogue:Tmdb:OutageCooldown"] = "00:00:00",
            ["Catalogue:Tmdb:AttemptTimeout"] = "00:00:01",
        });
        ServiceFault[] faults =
        [
            new(FaultKind.TooManyRequests, Count: 1, RetryAfterSeconds: 1),
            new(FaultKind.ServiceUnavailable),
            new(FaultKind.Html),
            new(Latency: TimeSpan.FromMinutes(5)),
            new(FaultKind.Unauthorized),
        ];
        await h.Tmdb.SearchMoviesAsync("alien", ct: CancellationToken.None);
        foreach (var fault in faults)
        {
            h.Fakes.State.SetFault(FakeService.Tmdb, fault);
            await h.PumpAsync(h.Tmdb.SearchMoviesAsync("alien " + fault.Kind, ct: CancellationToken.None));
            h.Time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.NotEmpty(h.Logs.Lines);
        Assert.DoesNotContain(h.Logs.Lines, l => l.All.Contains(secret, StringComparison.Ordinal));
        Assert.DoesNotContain(h.Fakes.Log.Entries(), r => r.Query.Contains(Key, StringComparison.Ordinal));
    }

    [Fact]
    public void OptionsText_RedactsTheSecrets()
    {
        var text = new TmdbOptions { ApiKey = Key, ReadAccessToken = Token }.ToString();
        Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
    }
}
