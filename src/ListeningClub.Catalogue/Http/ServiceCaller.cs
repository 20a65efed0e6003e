using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ListeningClub.Catalogue.Model;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace ListeningClub.Catalogue.Http;

/// <summary>
/// The one way a catalogue client talks HTTP: fail fast during an outage, coalesce identical requests, bound the
/// whole call by a timeout on the injected clock, cap and parse the body, turn every expected failure into a typed
/// result (never an exception), and tell <see cref="ServiceHealth"/> how it went. Retries and per-attempt timeouts
/// live in the named client's resilience handler.
/// </summary>
internal sealed class ServiceCaller(ServiceInfo service, string httpClientName, IHttpClientFactory factory, TimeProvider time, ILogger logger)
{
    private readonly RequestCoalescer _coalescer = new();

    public ServiceHealth Health { get; } = new(service, time, logger);

    public ServiceInfo Service => service;

    public Task<Fetched<T>> GetJsonAsync<T>(CatalogueRequest request, JsonTypeInfo<T> type, CallSettings settings, Func<T, string?> problem, CancellationToken ct)
        where T : class
    {
        var json = request with
        {
            Decorate = message =>
            {
                message.Headers.Accept.ParseAdd("application/json");
                request.Decorate?.Invoke(message);
            },
        };
        return SendAsync(json, settings, (response, token) => InterpretJsonAsync(response, type, settings, problem, token), ct);
    }

    public async Task<Fetched<T>> SendAsync<T>(CatalogueRequest request, CallSettings settings, Func<HttpResponseMessage, CancellationToken, Task<Fetched<T>>> interpret, CancellationToken ct)
        where T : class
    {
        if (ct.IsCancellationRequested)
        {
            return Fetched<T>.Unavailable(CatalogueFailure.Cancelled, "the caller gave up");
        }

        if (!Health.TryEnter(settings.OutageCooldown, out var blocked))
        {
            return Fetched<T>.Unavailable(blocked, "failing fast during an outage");
        }

        try
        {
            return await _coalescer.RunAsync(request.Key, token => SendOnceAsync(request, settings, interpret, token), ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return Fetched<T>.Unavailable(CatalogueFailure.Cancelled, "the caller gave up");
        }
    }

    private async Task<Fetched<T>> SendOnceAsync<T>(CatalogueRequest request, CallSettings settings, Func<HttpResponseMessage, CancellationToken, Task<Fetched<T>>> interpret, CancellationToken token)
        where T : class
    {
        using var timeout = new CancellationTokenSource(settings.RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(token, timeout.Token);
        Fetched<T> result;
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, request.Url);
            request.Decorate?.Invoke(message);
            var client = factory.CreateClient(httpClientName);
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            result = await interpret(response, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return Fetched<T>.Unavailable(CatalogueFailure.Cancelled, "every caller gave up");
        }
        catch (Exception e) when (Classify(e, timeout.IsCancellationRequested) is { } failure)
        {
            result = Fetched<T>.Unavailable(failure.Failure, failure.Detail);
        }

        Report(request, result, settings);
        return result;
    }

    private static (CatalogueFailure Failure, string Detail)? Classify(Exception e, bool timedOut) => e switch
    {
        OperationCanceledException when timedOut => (CatalogueFailure.TimedOut, "no answer within the request timeout"),
        TimeoutRejectedException => (CatalogueFailure.TimedOut, "every attempt timed out"),
        HttpRequestException h => (CatalogueFailure.ServiceDown, $"unreachable ({h.HttpRequestError})"),
        ResponseTooLargeException => (CatalogueFailure.BadResponse, e.Message),
        JsonException => (CatalogueFailure.BadResponse, "malformed JSON or unexpected types"),
        CatalogueBusyException => (CatalogueFailure.Busy, e.Message),
        _ => null,
    };

    private void Report<T>(CatalogueRequest request, Fetched<T> result, CallSettings settings)
        where T : class
    {
        switch (result.Failure)
        {
            case null:
                Health.ReportSuccess();
                break;
            case CatalogueFailure.BadCredentials:
                Health.ReportCredentialsRejected(result.Detail);
                break;
            case CatalogueFailure.Rejected or CatalogueFailure.Busy or CatalogueFailure.Cancelled or CatalogueFailure.NotConfigured:
                logger.LogDebug("{Service} did not answer GET {Url}: {Failure} ({Detail})", service.Name, request.LogUrl, result.Failure, result.Detail);
                break;
            default:
                Health.ReportOutage(result.Failure.Value, $"{result.Detail}; GET {request.LogUrl}", settings.OutageCooldown, result.RetryAfter);
                break;
        }
    }

    private async Task<Fetched<T>> InterpretJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CallSettings settings, Func<T, string?> problem, CancellationToken ct)
        where T : class
    {
        if (response.IsSuccessStatusCode)
        {
            if (!CappedBody.IsJson(response.Content.Headers.ContentType))
            {
                return Fetched<T>.Unavailable(CatalogueFailure.BadResponse, $"{response.Content.Headers.ContentType?.MediaType} instead of JSON");
            }

            var body = await CappedBody.ReadAsync(response.Content, settings.MaxResponseBytes, ct).ConfigureAwait(false);
            var value = JsonSerializer.Deserialize(body, type);
            return value is null ? Fetched<T>.Unavailable(CatalogueFailure.BadResponse, "an empty JSON answer")
                : problem(value) is { } wrong ? Fetched<T>.Unavailable(CatalogueFailure.BadResponse, wrong)
                : Fetched<T>.Found(value);
        }

        var detail = await ErrorBody.DescribeAsync(response, ct).ConfigureAwait(false);
        var retryAfter = RetryAfter.From(response, time);
        return response.StatusCode switch
        {
            HttpStatusCode.NotFound => Fetched<T>.NotFound(detail),
            HttpStatusCode.Unauthorized when settings.CredentialsRejectedOn401 => Fetched<T>.Unavailable(CatalogueFailure.BadCredentials, detail),
            HttpStatusCode.TooManyRequests => Fetched<T>.Unavailable(CatalogueFailure.RateLimited, detail, retryAfter),
            HttpStatusCode.ServiceUnavailable when settings.RateLimitedOn503 => Fetched<T>.Unavailable(CatalogueFailure.RateLimited, detail, retryAfter),
            >= HttpStatusCode.InternalServerError => Fetched<T>.Unavailable(CatalogueFailure.ServiceDown, detail, retryAfter),
            _ => Fetched<T>.Unavailable(CatalogueFailure.Rejected, detail),
        };
    }
}
