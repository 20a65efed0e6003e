using ListeningClub.Discord.Diagnostics;

namespace ListeningClub.Discord.Rest.Pipeline;

/// <summary>Counts every HTTP attempt by what it came back with (<see cref="RestAttemptKind"/>), retries and 429s included.</summary>
internal sealed class AttemptMetricsStage(DiscordMetrics metrics, IRestStage next) : IRestStage
{
    public async ValueTask<RestAttempt> SendAsync(RestCall call, CancellationToken ct)
    {
        var attempt = await next.SendAsync(call, ct).ConfigureAwait(false);
        metrics.RestAttempt(attempt.Kind);
        return attempt;
    }
}
