using System.Net;
using BenchmarkDotNet.Attributes;
using ListeningClub.Discord.Configuration;
using ListeningClub.Discord.Diagnostics;
using ListeningClub.Discord.Fatal;
using ListeningClub.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ListeningClub.Benchmarks.Discord;

/// <summary>
/// What the REST pipeline (route → bucket queue, rate-limit header parsing, global counter, request building,
/// retry loop) costs per request on top of a bare HttpClient call, both against a handler that answers at once.
/// The proactive global limit is raised so that it counts but never waits.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet owns the lifetime: [GlobalCleanup] disposes.")]
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class RateLimiterOverheadBenchmarks
{
    private static readonly Uri BareUri = new("https://discord.test/api/v10/channels/1/messages");
    private HttpClient _http = null!;
    private DiscordRestClient _rest = null!;
    private DiscordFatalErrors _fatal = null!;
    private ServiceProvider _meters = null!;
    private DiscordRoute[] _routes = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _http = new HttpClient(new NoOpDiscordHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        _fatal = new DiscordFatalErrors(NullLogger<DiscordFatalErrors>.Instance);
        var options = Options.Create(new DiscordOptions
        {
            Token = "benchmark-token",
            ApiBaseUrl = "https://discord.test/api/v10",
            GlobalRequestsPerSecond = int.MaxValue,
        });
        _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new DiscordMetrics(_meters.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        _rest = new DiscordRestClient(new SingleClientFactory(_http), options, TimeProvider.System, _fatal, metrics, NullLogger<DiscordRestClient>.Instance);
        _routes = Enumerable.Range(1, 100)
            .Select(c => new DiscordRoute(HttpMethod.Get, "GET /channels/{channel_id}/messages/{message_id}", "c" + c, $"/channels/{c}/messages/900"))
            .ToArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _rest.Dispose();
        _http.Dispose();
        _fatal.Dispose();
        _meters.Dispose();
    }

    [Benchmark(Baseline = true, Description = "bare HttpClient.SendAsync")]
    public async Task<int> BareHttpClient()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, BareUri);
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        return body.Length;
    }

    [Benchmark(Description = "DiscordRestClient.SendAsync, 100 channels")]
    public async Task<int> ThroughRateLimiter()
    {
        var route = _routes[_next++ % _routes.Length];
        var response = await _rest.SendAsync(route, null, CancellationToken.None);
        return response.Body.Length;
    }

    private sealed class NoOpDiscordHandler : HttpMessageHandler
    {
        private static readonly byte[] Body = "{}"u8.ToArray();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Body) };
            response.Headers.TryAddWithoutValidation("X-RateLimit-Bucket", "abcd1234");
            response.Headers.TryAddWithoutValidation("X-RateLimit-Limit", "5");
            response.Headers.TryAddWithoutValidation("X-RateLimit-Remaining", "4");
            response.Headers.TryAddWithoutValidation("X-RateLimit-Reset-After", "1.0");
            return Task.FromResult(response);
        }
    }

    private sealed class SingleClientFactory(HttpClient client) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => client;
    }
}
