using ListeningClub.Domain.Common;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ListeningClub.Bot.Features.Rhythm;

/// <summary>
/// The one Quartz job per track: "advance this track if anything is due", then arm the trigger for its next step.
/// Thin and idempotent; never two at once for the same track.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RhythmJob(TrackRhythm rhythm, RhythmScheduler scheduler, ILogger<RhythmJob> logger) : IJob
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
        var next = await rhythm.AdvanceAsync(guildId, trackId, cancellationToken).ConfigureAwait(false);
        await scheduler.ArmAsync(guildId, trackId, next, cancellationToken).ConfigureAwait(false);
    }
}
