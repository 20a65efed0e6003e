using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ListeningClub.Discord.Configuration;
using ListeningClub.Discord.Fatal;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Rest.RateLimiting;
using ListeningClub.Discord.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ListeningClub.Discord.Rest;

/// <summary>
/// Sends REST requests through the rate limiter with Discord's headers, retries 429s, 5xx and timeouts
/// (bounded, exponential backoff with jitter) and turns errors into <see cref="DiscordRestException"/>.
/// The resource APIs (<see cref="Resources"/>) sit on top of it.
/// </summary>
public sealed partial class DiscordRestClient : IDisposable
{
    public const string HttpClientName = "ListeningClub.Discord";

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    private readonly IHttpClientFactory _httpClients;
    private readonly TimeProvider _time;
    private readonly IDiscordFatalErrors _fatal;
    private readonly ILogger<DiscordRestClient> _logger;
    private readonly RestRateLimiter _limiter;
    private readonly string _baseUrl;
    private readonly string _authorization;
    private readonly string _userAgent;
    private readonly int _maxRetries;
    private readonly int _max429Retries;
    private readonly TimeSpan _timeout;

    public DiscordRestClient(IHttpClientFactory httpClients, IOptions<DiscordOptions> options, TimeProvider time, IDiscordFatalErrors fatal, ILogger<DiscordRestClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _httpClients = httpClients;
        _time = time;
        _fatal = fatal;
        _logger = logger;
        _baseUrl = o.ApiBaseUrl.TrimEnd('/');
        _authorization = "Bot " + o.Token;
        var version = typeof(DiscordRestClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0";
        _userAgent = $"DiscordBot ({o.UserAgentUrl}, {version})";
        _maxRetries = o.RestMaxRetries;
        _max429Retries = o.RestMax429Retries;
        _timeout = o.RestRequestTimeout;
        _limiter = new RestRateLimiter(time, logger, o.GlobalRequestsPerSecond, o.InvalidRequestPauseThreshold, o.CloudflareBreakerDuration);
    }

    internal RestRateLimiter RateLimiter => _limiter;

    public void Dispose() => _limiter.Dispose();

    /// <summary>The User-Agent sent with every request.</summary>
    public string UserAgent => _userAgent;

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
        _limiter.ThrowIfUnavailable(route);
        var queue = _limiter.GetQueue(route);
        await queue.Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var failures = 0;
            var rateLimited = 0;
            while (true)
            {
                _limiter.ThrowIfUnavailable(route);
                await _limiter.WaitTurnAsync(queue, route, ct).ConfigureAwait(false);

                HttpResponseMessage response;
                using (var timeout = new CancellationTokenSource(_timeout, _time))
                using (var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token))
                {
                    try
                    {
                        response = await SendOnceAsync(route, body, linked.Token).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (!ct.IsCancellationRequested && ex is OperationCanceledException or HttpRequestException)
                    {
                        failures++;
                        if (failures > _maxRetries)
                        {
                            throw new DiscordRestException($"{route.RouteKey} failed after {failures} attempts: {ex.GetType().Name}.", ex);
                        }

                        var backoff = Backoff(failures);
                        LogTransientFailure(_logger, route.RouteKey, ex.GetType().Name, failures, backoff);
                        await Task.Delay(backoff, _time, ct).ConfigureAwait(false);
                        continue;
                    }
                }

                using (response)
                {
                    var headers = RateLimitHeaders.Read(response.Headers);
                    _limiter.Learn(queue, route, headers);
                    var bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
                    var status = (int)response.StatusCode;
                    if (status is >= 200 and < 300)
                    {
                        return new RestResponse(response.StatusCode, bytes);
                    }

                    if (response.StatusCode == HttpStatusCode.TooManyRequests)
                    {
                        var wait = _limiter.OnRateLimited(queue, route, headers, TryRead(bytes, DiscordJsonContext.Default.RateLimitedBody));
                        rateLimited++;
                        if (rateLimited > _max429Retries)
                        {
                            throw Error(route, response.StatusCode, bytes, DiscordRestFailure.RetriesExhausted);
                        }

                        if (wait > TimeSpan.Zero)
                        {
                            await Task.Delay(wait, _time, ct).ConfigureAwait(false);
                        }

                        continue;
                    }

                    if (response.StatusCode == HttpStatusCode.Unauthorized)
                    {
                        _limiter.InvalidRequests.Record();
                        if (route.Kind != DiscordRouteKind.Bot)
                        {
                            // The interaction's own token was refused (expired after 15 minutes: 50027), not the bot's.
                            throw Error(route, response.StatusCode, bytes, DiscordRestFailure.ErrorResponse);
                        }

                        const string Reason = "Discord answered 401 Unauthorized: the bot token is invalid or was reset. Set a valid token in ListeningClub__Discord__Token and restart.";
                        _limiter.Stop(Reason);
                        _fatal.Report(new DiscordFatalError("REST", Reason));
                        throw Error(route, response.StatusCode, bytes, DiscordRestFailure.Unauthorized);
                    }

                    if (response.StatusCode == HttpStatusCode.Forbidden)
                    {
                        _limiter.InvalidRequests.Record();
                    }

                    if (status >= 500)
                    {
                        failures++;
                        if (failures > _maxRetries)
                        {
                            throw Error(route, response.StatusCode, bytes, DiscordRestFailure.RetriesExhausted);
                        }

                        var backoff = Backoff(failures);
                        LogTransientFailure(_logger, route.RouteKey, status.ToString(System.Globalization.CultureInfo.InvariantCulture), failures, backoff);
                        await Task.Delay(backoff, _time, ct).ConfigureAwait(false);
                        continue;
                    }

                    throw Error(route, response.StatusCode, bytes, DiscordRestFailure.ErrorResponse);
                }
            }
        }
        finally
        {
            queue.Gate.Release();
        }
    }

    /// <summary>One HTTP attempt; its global slot (bot routes) is released as soon as it is answered or fails.</summary>
    private async Task<HttpResponseMessage> SendOnceAsync(DiscordRoute route, byte[]? body, CancellationToken ct)
    {
        try
        {
            using var request = BuildRequest(route, body);
            return await _httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        }
        finally
        {
            _limiter.RequestCompleted(route);
        }
    }

    private HttpRequestMessage BuildRequest(DiscordRoute route, byte[]? body)
    {
        var request = new HttpRequestMessage(route.Method, new Uri(_baseUrl + route.Path, UriKind.Absolute));
        request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        if (route.Kind == DiscordRouteKind.Bot)
        {
            request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body) { Headers = { ContentType = route.ContentType is { } type ? MediaTypeHeaderValue.Parse(type) : JsonMediaType } };
        }

        return request;
    }

    /// <summary>Exponential backoff with jitter: 0.5 s, 1 s, 2 s, … (capped at 10 s), each × [0.5, 1.5).</summary>
    private static TimeSpan Backoff(int attempt)
    {
        var baseMs = Math.Min(10_000, 500 * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(baseMs * (0.5 + Random.Shared.NextDouble()));
    }

    private static DiscordRestException Error(DiscordRoute route, HttpStatusCode status, byte[] body, DiscordRestFailure failure)
    {
        var error = TryRead(body, DiscordJsonContext.Default.DiscordErrorBody);
        return new DiscordRestException(route.RouteKey, status, error?.Code ?? 0, error?.Message ?? "(no JSON error body)", error?.Errors, failure);
    }

    private static T? TryRead<T>(byte[] body, JsonTypeInfo<T> type)
        where T : class
    {
        if (body.Length == 0 || body[0] != (byte)'{')
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Route} failed transiently ({Reason}), attempt {Attempt}; retrying in {Backoff}")]
    private static partial void LogTransientFailure(ILogger logger, string route, string reason, int attempt, TimeSpan backoff);
}
