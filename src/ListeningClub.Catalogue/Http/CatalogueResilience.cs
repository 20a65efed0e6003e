using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace ListeningClub.Catalogue.Http;

/// <summary>
/// The resilience handlers (Microsoft.Extensions.Http.Resilience) of the catalogue's named clients, on the injected
/// <see cref="TimeProvider"/>: retry 429, 5xx, transport errors and attempt timeouts with exponential backoff and
/// jitter, honouring <c>Retry-After</c> up to a cap (a longer wait is not retried: the call fails as rate limited
/// and the service's cool-down takes over), and a timeout per attempt.
/// </summary>
internal static class CatalogueResilience
{
    public static IHttpClientBuilder AddCatalogueRetry(this IHttpClientBuilder builder, string name, Func<IServiceProvider, RetrySettings> settings, bool withAttemptTimeout)
    {
        builder.AddResilienceHandler(name, (pipeline, context) =>
        {
            var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
            var current = settings(context.ServiceProvider);
            pipeline.TimeProvider = time;
            if (current.MaxRetries > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = current.MaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = current.BaseDelay,
                    ShouldRetryAfterHeader = false,
                    ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, current, time)),
                    DelayGenerator = args => ValueTask.FromResult(RetryAfter.From(args.Outcome.Result, time)),
                });
            }

            if (withAttemptTimeout)
            {
                pipeline.AddTimeout(current.AttemptTimeout);
            }
        });
        return builder;
    }

    /// <summary>A timeout per attempt on its own (MusicBrainz: it sits inside the rate gate, so waiting in the queue does not count).</summary>
    public static IHttpClientBuilder AddCatalogueAttemptTimeout(this IHttpClientBuilder builder, string name, Func<IServiceProvider, TimeSpan> timeout)
    {
        builder.AddResilienceHandler(name, (pipeline, context) =>
        {
            pipeline.TimeProvider = context.ServiceProvider.GetRequiredService<TimeProvider>();
            pipeline.AddTimeout(timeout(context.ServiceProvider));
        });
        return builder;
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, RetrySettings settings, TimeProvider time)
    {
        if (outcome.Exception is { } e)
        {
            return e is HttpRequestException or TimeoutRejectedException;
        }

        var response = outcome.Result!;
        var status = response.StatusCode;
        var transient = status == HttpStatusCode.TooManyRequests || (int)status >= 500;
        return transient && (RetryAfter.From(response, time) is not { } wait || wait <= settings.MaxRetryAfter);
    }
}
