using ListeningClub.Application.Steps;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Schedule;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ListeningClub.Bot.Features.Schedule;

/// <summary>
/// The one Quartz job per track: "run this track's due steps", then arm the trigger for its next step.
/// Thin and idempotent; never two at once for the same track.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class TrackStepJob(StepRunner steps, TrackTriggers triggers, ILogger<TrackStepJob> logger) : IJob
{
    public const string GuildKey = "guild";
    public const string TrackKey = "track";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.MergedJobDataMap;
        var guildId = ulong.Parse(data.GetString(GuildKey)!, System.Globalization.CultureInfo.InvariantCulture);
        var trackId = new TrackId(Guid.ParseExact(data.GetString(TrackKey)!, "N"));
        using var logScope = logger.BeginScope("Track {TrackId} in guild {GuildId}", trackId, guildId);
        var report = await steps.AdvanceAsync(guildId, trackId, cancellationToken).ConfigureAwait(false);
        foreach (var refused in report.Refused)
        {
            LogStepRefused(logger, refused.Step, refused.Reason);
        }

        if (report.GaveUp)
        {
            LogTooManyTransitions(logger, trackId);
        }

        await triggers.ArmAsync(guildId, trackId, report.Next, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Step {Step} did not run: {Reason}")]
    private static partial void LogStepRefused(ILogger logger, StepKind step, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Track {TrackId} changed phase too many times in one pass; trying again in a minute")]
    private static partial void LogTooManyTransitions(ILogger logger, TrackId trackId);
}
