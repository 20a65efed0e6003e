using System.Globalization;
using ListeningClub.Application.Steps;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Schedule;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ListeningClub.Bot.Features.Schedule;

/// <summary>
/// Keeps one Quartz trigger per track armed at the track's next step. The store is the source of truth: at start the
/// triggers are rebuilt from it (Quartz's in-memory store forgets everything), after the catch-up pass has run every
/// step that came due while the bot was down. A clustered Quartz (on PostgreSQL) keeps its triggers in the database
/// and fires the ones that came due while every instance was down as soon as one is up: there, only tracks without a
/// trigger (never armed, or whose job failed before arming the next) are run at start.
/// </summary>
public sealed partial class TrackTriggers(ISchedulerFactory schedulers, IClubRepository clubs, ILogger<TrackTriggers> logger) : ITrackTrigger
{
    public const string Group = "tracks";

    public static JobKey JobFor(TrackId track) => new($"track-{track}", Group);

    public static TriggerKey TriggerFor(TrackId track) => new($"track-{track}-next", Group);

    /// <summary>Arms (or replaces, or removes) the track's trigger for <paramref name="next"/>.</summary>
    public async Task ArmAsync(ulong guildId, TrackId trackId, PlannedStep? next, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var job = JobFor(trackId);
        if (next is null)
        {
            await scheduler.UnscheduleJob(TriggerFor(trackId), cancellationToken).ConfigureAwait(false);
            return;
        }

        // A step already due fires now. (Started in the past, a clustered store would see a misfire and leave it to its
        // misfire handler, up to a minute later; the in-memory store fires it at once either way.)
        var now = scheduler.TimeProvider.GetUtcNow();
        var trigger = TriggerBuilder.Create(scheduler.TimeProvider)
            .WithIdentity(TriggerFor(trackId))
            .WithDescription($"{next.Step} ({next.Key}) of cycle {next.CycleId}")
            .ForJob(job)
            .StartAt(next.At > now ? next.At : now)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();

        // The job and its trigger in one store operation, replacing what is there: on a clustered store several
        // instances may arm the same track at once (each one's start-up rebuild), and checking first would race.
        var detail = JobBuilder.Create<TrackStepJob>()
            .WithIdentity(job)
            .UsingJobData(TrackStepJob.GuildKey, guildId.ToString(CultureInfo.InvariantCulture))
            .UsingJobData(TrackStepJob.TrackKey, trackId.ToString())
            .StoreDurably()
            .RequestRecovery() // clustered: a job whose instance died mid-run is run again by another
            .Build();
        await scheduler.ScheduleJob(detail, [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken).ConfigureAwait(false);

        LogArmed(logger, trackId, next.Step, next.At);
    }

    /// <summary>Runs the track's job now (a manager's /club advance, a schedule change); the job re-arms the trigger.</summary>
    public async Task RunNowAsync(ulong guildId, TrackId trackId, CancellationToken cancellationToken)
    {
        await ArmAsync(guildId, trackId, new PlannedStep(StepKind.OpenVoting, DateTimeOffset.MinValue, "now", default), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Start-up: one immediate run per track (the catch-up pass), which then arms the track's next step; on a
    /// persistent (clustered) Quartz store, only for the tracks that have no trigger there.
    /// </summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var armed = (await scheduler.GetMetadata(cancellationToken).ConfigureAwait(false)).JobStorePersistent
            ? (await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(Group), cancellationToken).ConfigureAwait(false)).ToHashSet()
            : [];
        var count = 0;
        foreach (var club in await clubs.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var track in club.Tracks.Where(t => !armed.Contains(TriggerFor(t.Id))))
            {
                await RunNowAsync(club.GuildId, track.Id, cancellationToken).ConfigureAwait(false);
                count++;
            }
        }

        LogRebuilt(logger, count);
        return count;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Track {TrackId}: next step {Step} at {At:O}")]
    private static partial void LogArmed(ILogger logger, TrackId trackId, StepKind step, DateTimeOffset at);

    [LoggerMessage(Level = LogLevel.Information, Message = "Track triggers rebuilt for {Count} tracks; overdue steps run now")]
    private static partial void LogRebuilt(ILogger logger, int count);
}
