using System.Net;
using ListeningClub.Discord.Configuration;
using ListeningClub.Discord.Rest;
using ListeningClub.Discord.Rest.Pipeline;
using ListeningClub.Discord.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using Polly.Timeout;

namespace ListeningClub.Discord.Tests.Rest.Pipeline;

public sealed class HttpAttemptStageTests : IDisposable
{
    private static readonly DiscordRoute Route = StageRig.BotRoute;

    private readonly FakeTimeProvider _clock = new();
    private readonly ScriptedDiscordHandler _discord;
    private readonly HttpClient _http;
    private readonly HttpAttemptStage _stage;

    public HttpAttemptStageTests()
    {
        _discord = new ScriptedDiscordHandler(_clock);
        _http = new HttpClient(_discord) { Timeout = Timeout.InfiniteTimeSpan };
        var requests = new RestRequestFactory(new DiscordOptions { Token = "t", ApiBaseUrl = "https://discord.test/api/v10" });
        _stage = new HttpAttemptStage(new SingleClientFactory(_http), requests, TimeSpan.FromSeconds(5), _clock);
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Answer_CarriesStatusRateLimitHeadersAndBody()
    {
        _discord.Respond = (_, _) => Task.FromResult(Responses.Message(Responses.Bucket("abc", 5, 4, 1.5)));

        var attempt = await _stage.SendAsync(new RestCall(Route, "{}"u8.ToArray()), default);

        Assert.Equal(HttpStatusCode.OK, attempt.Status);
        Assert.Equal("abc", attempt.Headers.Bucket);
        Assert.Equal(4, attempt.Headers.Remaining);
        Assert.Equal(Responses.MessageJson, System.Text.Encoding.UTF8.GetString(attempt.Body));
        Assert.Equal("{}", Assert.Single(_discord.Requests).Body);
    }

    [Fact]
    public async Task NoAnswerWithinTheTimeout_ComesBackAsATransportFailure()
    {
        _discord.Respond = async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return Responses.Message();
        };

        var sending = _stage.SendAsync(new RestCall(Route, null), default).AsTask();
        await Eventually.True(() => _discord.Count == 1, "the request reaches Discord");
        _clock.Advance(TimeSpan.FromSeconds(5));
        var attempt = await sending;

        Assert.Equal(RestAttemptKind.TransportFailure, attempt.Kind);
        Assert.IsType<TimeoutRejectedException>(attempt.Failure);
    }

    [Fact]
    public async Task ConnectionFailure_ComesBackAsATransportFailure()
    {
        _discord.Respond = (_, _) => throw new HttpRequestException("connection refused");

        var attempt = await _stage.SendAsync(new RestCall(Route, null), default);

        Assert.Equal(RestAttemptKind.TransportFailure, attempt.Kind);
        Assert.IsType<HttpRequestException>(attempt.Failure);
    }

    [Fact]
    public async Task CallerCancellation_IsThrown_NotTurnedIntoARetryableFailure()
    {
        using var cts = new CancellationTokenSource();
        _discord.Respond = async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return Responses.Message();
        };

        var sending = _stage.SendAsync(new RestCall(Route, null), cts.Token).AsTask();
        await Eventually.True(() => _discord.Count == 1, "the request reaches Discord");
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
    }

    private sealed class SingleClientFactory(HttpClient client) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => client;
    }
}
