using System.Diagnostics.Metrics;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Rest.Pipeline;

namespace ListeningClub.Discord.Diagnostics;

/// <summary>
/// The Discord client's instruments, on the meter <see cref="MeterName"/> (from the container's
/// <see cref="IMeterFactory"/>): interactions handled and how long they took, and every HTTP attempt at Discord's REST
/// API by outcome, 429s included. Names, units and tags are listed in the Bot's README for exporters.
/// </summary>
public sealed class DiscordMetrics
{
    public const string MeterName = "ListeningClub.Discord";

    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2.5, 3, 5, 10, 30];

    private readonly Counter<long> _interactions;
    private readonly Histogram<double> _interactionDuration;
    private readonly Counter<long> _restAttempts;

    public DiscordMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _interactions = meter.CreateCounter<long>(
            "listeningclub.discord.interactions", "{interaction}", "Interactions handled, by kind and outcome");
        _interactionDuration = meter.CreateHistogram(
            "listeningclub.discord.interaction.duration", "s", "Time from receiving an interaction to its handler finishing, by kind",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _restAttempts = meter.CreateCounter<long>(
            "listeningclub.discord.rest.attempts", "{attempt}", "HTTP attempts at Discord's REST API, by outcome (rate_limited and cloudflare_rate_limited are the 429s)");
    }

    /// <summary>One interaction routed to the end (pings and duplicate deliveries are not counted).</summary>
    internal void InteractionHandled(InteractionType type, InteractionOutcome outcome, TimeSpan duration)
    {
        var kind = new KeyValuePair<string, object?>("kind", Kind(type));
        _interactions.Add(1, kind, new KeyValuePair<string, object?>("outcome", Name(outcome)));
        _interactionDuration.Record(duration.TotalSeconds, kind);
    }

    internal void RestAttempt(RestAttemptKind kind) => _restAttempts.Add(1, new KeyValuePair<string, object?>("outcome", Name(kind)));

    private static string Kind(InteractionType type) => type switch
    {
        InteractionType.ApplicationCommand => "command",
        InteractionType.ApplicationCommandAutocomplete => "autocomplete",
        InteractionType.MessageComponent => "component",
        InteractionType.ModalSubmit => "modal",
        _ => "other",
    };

    private static string Name(InteractionOutcome outcome) => outcome switch
    {
        InteractionOutcome.Handled => "handled",
        InteractionOutcome.InvalidOptions => "invalid_options",
        InteractionOutcome.RefusedByDiscord => "refused_by_discord",
        InteractionOutcome.Failed => "failed",
        InteractionOutcome.TooLate => "too_late",
        _ => "no_handler",
    };

    private static string Name(RestAttemptKind kind) => kind switch
    {
        RestAttemptKind.Success => "success",
        RestAttemptKind.RateLimited => "rate_limited",
        RestAttemptKind.CloudflareRateLimited => "cloudflare_rate_limited",
        RestAttemptKind.Unauthorized => "unauthorized",
        RestAttemptKind.Forbidden => "forbidden",
        RestAttemptKind.ServerError => "server_error",
        RestAttemptKind.TransportFailure => "no_answer",
        _ => "error",
    };
}

/// <summary>How the router finished with an interaction.</summary>
internal enum InteractionOutcome
{
    /// <summary>The handler ran to the end (whatever it answered).</summary>
    Handled,

    /// <summary>The command's options did not fit its definition; the handler did not run.</summary>
    InvalidOptions,

    /// <summary>A request the handler needed met the Cloudflare breaker.</summary>
    RefusedByDiscord,

    /// <summary>The handler threw; the member was given an error id.</summary>
    Failed,

    /// <summary>No handler is registered for the command or custom_id.</summary>
    NoHandler,

    /// <summary>Discord answered the first response with 10062 Unknown interaction: it came after the deadline.</summary>
    TooLate,
}
