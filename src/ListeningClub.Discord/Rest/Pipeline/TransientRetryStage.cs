using System.Globalization;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace ListeningClub.Discord.Rest.Pipeline;

/// <summary>
/// The retry stage for transient failures (5xx, timeouts, connection failures): Polly's retry strategy on the injected
/// <see cref="TimeProvider"/>, exponential backoff from 0.5 s with jitter, each wait capped at 10 s, at most
/// <c>maxRetries</c> retries over the call. Each retry goes through the inner stages again, so it waits its turn in
/// the bucket and takes a global slot like any request. When the retries run out the call fails.
/// </summary>
internal sealed partial class TransientRetryStage : IRestStage
{
    private readonly ResiliencePipeline<RestAttempt> _retry;
    private readonly int _maxRetries;
    private readonly IRestStage _next;

    /// <param name="randomizer">The jitter's source of numbers in [0, 1); Polly's own when null (tests pin it).</param>
    public TransientRetryStage(int maxRetries, TimeProvider time, ILogger logger, IRestStage next, Func<double>? randomizer = null)
    {
        _maxRetries = maxRetries;
        _next = next;
        var builder = new ResiliencePipelineBuilder<RestAttempt> { TimeProvider = time };
        if (maxRetries > 0)
        {
            // Polly needs at least one retry; with none the stage only turns a transient failure into the caller's error.
            var options = new RetryStrategyOptions<RestAttempt>
            {
                MaxRetryAttempts = maxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(500),
                MaxDelay = TimeSpan.FromSeconds(10),
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Exception is null && args.Outcome.Result.Kind.IsTransient()),
                OnRetry = args =>
                {
                    LogTransientFailure(logger, args.Context.OperationKey ?? "-", Reason(args.Outcome.Result), args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            };
            if (randomizer is not null)
            {
                options.Randomizer = randomizer;
            }

            builder.AddRetry(options);
        }

        _retry = builder.Build();
    }

    public async ValueTask<RestAttempt> SendAsync(RestCall call, CancellationToken ct)
    {
        var context = ResilienceContextPool.Shared.Get(call.Route.RouteKey, ct);
        RestAttempt attempt;
        try
        {
            attempt = await _retry.ExecuteAsync(static (context, state) => state.Next.SendAsync(state.Call, context.CancellationToken), context, (Next: _next, Call: call)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (!attempt.Kind.IsTransient())
        {
            return attempt;
        }

        var attempts = _maxRetries + 1;
        throw attempt.Failure is { } cause
            ? new DiscordRestException($"{call.Route.RouteKey} failed after {attempts} attempts: {cause.GetType().Name}.", cause)
            : attempt.ToException(call.Route, DiscordRestFailure.RetriesExhausted);
    }

    private static string Reason(in RestAttempt attempt) =>
        attempt.Failure?.GetType().Name ?? ((int)attempt.Status).ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Route} failed transiently ({Reason}), attempt {Attempt}; retrying in {Backoff}")]
    private static partial void LogTransientFailure(ILogger logger, string route, string reason, int attempt, TimeSpan backoff);
}
