using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ListeningClub.Discord.Configuration;
using ListeningClub.Discord.Diagnostics;
using ListeningClub.Discord.Fatal;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Rest.Pipeline;
using ListeningClub.Discord.Rest.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ListeningClub.Discord.Rest;

/// <summary>
/// Sends REST requests with Discord's headers through the stages in <c>Rest/Pipeline/</c>: bucket queue, response
/// check (401 stops REST), transient retry (5xx, timeouts), 429 handling, rate-limit wait, attempt count, HTTP attempt; errors become
/// <see cref="DiscordRestException"/>. The resource APIs (<see cref="Resources"/>) sit on top of it.
/// </summary>
public sealed class DiscordRestClient : IDisposable
{
    public const string HttpClientName = "ListeningClub.Discord";

    private readonly RestRateLimiter _limiter;
    private readonly BucketQueueStage _pipeline;

    public DiscordRestClient(IHttpClientFactory httpClients, IOptions<DiscordOptions> options, TimeProvider time, IDiscordFatalErrors fatal, DiscordMetrics metrics, ILogger<DiscordRestClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        var requests = new RestRequestFactory(o);
        UserAgent = requests.UserAgent;
        _limiter = new RestRateLimiter(time, logger, o.GlobalRequestsPerSecond, o.InvalidRequestPauseThreshold);
        var breaker = new RestBreaker(time, logger, o.CloudflareBreakerDuration);

        // Innermost first: each stage wraps the one before it.
        IRestStage stage = new HttpAttemptStage(httpClients, requests, o.RestRequestTimeout, time);
        stage = new AttemptMetricsStage(metrics, stage);
        stage = new BucketTurnStage(_limiter, breaker, stage);
        stage = new RateLimitedRetryStage(_limiter, breaker, o.RestMax429Retries, time, stage);
        stage = new TransientRetryStage(o.RestMaxRetries, time, logger, stage);
        stage = new ResponseCheckStage(_limiter, breaker, fatal, stage);
        _pipeline = new BucketQueueStage(_limiter, breaker, stage);
    }

    internal RestRateLimiter RateLimiter => _limiter;

    public void Dispose() => _limiter.Dispose();

    /// <summary>The User-Agent sent with every request.</summary>
    public string UserAgent { get; }

    public async Task<TResponse> SendAsync<TResponse>(DiscordRoute route, JsonTypeInfo<TResponse> responseType, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(responseType);
        var response = await SendAsync(route, null, ct).ConfigureAwait(false);
        return Deserialize(route, response, responseType);
    }

    public async Task<TResponse> SendAsync<TBody, TResponse>(DiscordRoute route, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TResponse> responseType, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(responseType);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, bodyType);
        var response = await SendAsync(route, bytes, ct).ConfigureAwait(false);
        return Deserialize(route, response, responseType);
    }

    /// <summary>Sends a message with files: <c>multipart/form-data</c> with the JSON as <c>payload_json</c> and one <c>files[n]</c> part per file.</summary>
    public async Task<TResponse> SendWithFilesAsync<TBody, TResponse>(DiscordRoute route, TBody body, JsonTypeInfo<TBody> bodyType, IReadOnlyList<FileUpload> files, JsonTypeInfo<TResponse> responseType, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(responseType);
        var (bytes, contentType) = MultipartBody.Build(JsonSerializer.SerializeToUtf8Bytes(body, bodyType), files);
        var response = await SendAsync(route with { ContentType = contentType }, bytes, ct).ConfigureAwait(false);
        return Deserialize(route, response, responseType);
    }

    public async Task SendAsync<TBody>(DiscordRoute route, TBody body, JsonTypeInfo<TBody> bodyType, CancellationToken ct)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, bodyType);
        await SendAsync(route, bytes, ct).ConfigureAwait(false);
    }

    private static TResponse Deserialize<TResponse>(DiscordRoute route, RestResponse response, JsonTypeInfo<TResponse> type)
    {
        if (response.Body.Length == 0)
        {
            throw new DiscordRestException(route.RouteKey, response.StatusCode, 0, "Expected a JSON body, got none.", null, DiscordRestFailure.ErrorResponse);
        }

        return JsonSerializer.Deserialize(response.Body, type)
            ?? throw new DiscordRestException(route.RouteKey, response.StatusCode, 0, "Expected a JSON body, got null.", null, DiscordRestFailure.ErrorResponse);
    }

    /// <summary>Sends one request (JSON body bytes or none) and returns the successful response; throws <see cref="DiscordRestException"/> otherwise.</summary>
    public async Task<RestResponse> SendAsync(DiscordRoute route, byte[]? body, CancellationToken ct)
    {
        var attempt = await _pipeline.SendAsync(new RestCall(route, body), ct).ConfigureAwait(false);
        return new RestResponse(attempt.Status, attempt.Body);
    }
}
