using ListeningClub.Discord.Rest.RateLimiting;
using Polly;
using Polly.Timeout;

namespace ListeningClub.Discord.Rest.Pipeline;

/// <summary>
/// The send stage (innermost): one HTTP request under a per-attempt timeout (Polly's timeout strategy, on the
/// injected <see cref="TimeProvider"/>), answered with Discord's status, rate-limit headers and body. A timeout or a
/// connection failure comes back as a <see cref="RestAttempt.Failed"/> attempt for the retry stage; the caller's own
/// cancellation is thrown, never retried.
/// </summary>
internal sealed class HttpAttemptStage(IHttpClientFactory httpClients, RestRequestFactory requests, TimeSpan timeout, TimeProvider time) : IRestStage
{
    private readonly ResiliencePipeline _timeout = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(timeout).Build();

    public async ValueTask<RestAttempt> SendAsync(RestCall call, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await _timeout.ExecuteAsync(static (state, token) => state.Self.SendOnceAsync(state.Call, token), (Self: this, Call: call), ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex is TimeoutRejectedException or OperationCanceledException or HttpRequestException)
        {
            return RestAttempt.Failed(ex);
        }

        using (response)
        {
            var headers = RateLimitHeaders.Read(response.Headers);
            var body = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            return new RestAttempt(response.StatusCode, headers, body);
        }
    }

    private async ValueTask<HttpResponseMessage> SendOnceAsync(RestCall call, CancellationToken ct)
    {
        using var request = requests.Create(call.Route, call.Body);
        return await httpClients.CreateClient(DiscordRestClient.HttpClientName).SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
    }
}
