using ListeningClub.Application.Cycles;
using ListeningClub.Application.Locks;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Schedule;

namespace ListeningClub.Application.Tracks;

/// <summary>
/// Changes to one track: its schedule, pausing and resuming it, skipping a week, and who its
/// reminders reach. Each change is saved with the current cycle planned to match, so the scheduler only has to
/// re-arm the track's trigger afterwards.
/// </summary>
public sealed class TrackService(IClubRepository clubs, ICycleRepository cycles, TrackLocks locks, TimeProvider time)
{
    /// <summary>The most members one track will remind by direct message (Discord frowns on mass DMs).</summary>
    public const int MaxDmReminderMembers = 100;

    /// <summary>Sets the track's schedule (checked first) and re-plans the current cycle's steps still ahead.</summary>
    public async Task<Result<Track>> SetScheduleAsync(Track track, TrackSchedule schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(schedule);
        var valid = schedule.Validate();
        return valid.IsSuccess
            ? await ChangeAsync(track, t => t with { Schedule = valid.Value with { Paused = t.Schedule.Paused } }, cancellationToken).ConfigureAwait(false)
            : valid.Problem!;
    }

    /// <summary>Stops the track's steps until it is resumed; members can still nominate, vote and rate.</summary>
    public Task<Result<Track>> PauseAsync(Track track, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        return track.Schedule.Paused
            ? Task.FromResult<Result<Track>>(new Problem("rhythm.paused", $"{track.Name} is already paused. Resume it with /club resume."))
            : ChangeAsync(track, t => t with { Schedule = t.Schedule with { Paused = true } }, cancellationToken);
    }

    /// <summary>Resumes the track: steps that passed while it was paused are planned again from now.</summary>
    public Task<Result<Track>> ResumeAsync(Track track, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        return track.Schedule.Paused
            ? ChangeAsync(track, t => t with { Schedule = t.Schedule with { Paused = false } }, cancellationToken)
            : Task.FromResult<Result<Track>>(new Problem("rhythm.not_paused", $"{track.Name} isn't paused."));
    }

    /// <summary>Skips a week: the vote (before it opens) or the next cycle (after the announcement) moves one cycle later.</summary>
    public async Task<Result<Cycle>> SkipAsync(Track track, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        if (track.Schedule.Paused)
        {
            return new Problem("rhythm.paused", $"{track.Name} is paused, so nothing happens by itself anyway. Resume it with /club resume.");
        }

        using var held = await locks.WriteAsync(track.Id, cancellationToken).ConfigureAwait(false);
        var current = await cycles.CurrentAsync(track, time, cancellationToken).ConfigureAwait(false);
        var skipped = current.Skip(track, StepPlanner.NextCycleStart(track, current));
        if (skipped.IsSuccess)
        {
            await cycles.SaveAsync(skipped.Value, cancellationToken).ConfigureAwait(false);
        }

        return skipped;
    }

    /// <summary>
    /// Records that a step of a cycle was performed (<see cref="PlannedStep.Key"/>), so neither the schedule nor a
    /// manager's /club advance performs it again. Read and written under the track's lock: the cycle may have changed.
    /// </summary>
    public async Task MarkDoneAsync(Track track, CycleId cycleId, string stepKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        using var held = await locks.WriteAsync(track.Id, cancellationToken).ConfigureAwait(false);
        if (await cycles.GetAsync(cycleId, cancellationToken).ConfigureAwait(false) is { } cycle && !cycle.StepsDone.Contains(stepKey))
        {
            await cycles.SaveAsync(cycle.WithStepDone(stepKey), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Remembers whether the track's channel is a text or a forum channel (the bot looks once).</summary>
    public Task<Result<Track>> SetChannelKindAsync(Track track, TrackChannelKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        return ChangeAsync(track, t => t.ChannelId == track.ChannelId ? t with { ChannelKind = kind } : t, cancellationToken, replan: false);
    }

    /// <summary>Sets (or with null clears) the role the track's reminders ping.</summary>
    public Task<Result<Track>> SetReminderRoleAsync(Track track, ulong? roleId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        return ChangeAsync(track, t => t with { ReminderRoleId = roleId }, cancellationToken, replan: false);
    }

    /// <summary>Adds or removes a member from the track's direct-message reminders.</summary>
    public async Task<Result<Track>> SetDmReminderAsync(Track track, ulong memberId, bool wanted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        var club = await clubs.GetAsync(track.GuildId, cancellationToken).ConfigureAwait(false);
        var current = club?.FindTrack(track.Id) ?? track;
        if (wanted && !current.DmReminderMembers.Contains(memberId) && current.DmReminderMembers.Count >= MaxDmReminderMembers)
        {
            return new Problem("reminders.dm_full", $"{track.Name} already sends reminders by direct message to {MaxDmReminderMembers} members, the most it will. The reminder role still works.");
        }

        return await ChangeAsync(
            track,
            t => t with { DmReminderMembers = wanted ? [.. t.DmReminderMembers.Where(m => m != memberId), memberId] : [.. t.DmReminderMembers.Where(m => m != memberId)] },
            cancellationToken,
            replan: false).ConfigureAwait(false);
    }

    private async Task<Result<Track>> ChangeAsync(Track track, Func<Track, Track> change, CancellationToken cancellationToken, bool replan = true)
    {
        using var held = await locks.WriteAsync(track.Id, cancellationToken).ConfigureAwait(false);
        using var clubHeld = await locks.ClubAsync(track.GuildId, cancellationToken).ConfigureAwait(false);
        var club = await clubs.GetAsync(track.GuildId, cancellationToken).ConfigureAwait(false);
        if (club?.FindTrack(track.Id) is not { } stored)
        {
            return new Problem("club.unknown_track", $"The track {track.Name} no longer exists.");
        }

        var changed = change(stored);
        var updated = club.WithTrack(changed);
        if (!updated.IsSuccess)
        {
            return updated.Problem!;
        }

        await clubs.SaveAsync(updated.Value, cancellationToken).ConfigureAwait(false);
        if (replan)
        {
            var current = await cycles.CurrentAsync(changed, time, cancellationToken).ConfigureAwait(false);
            var rescheduled = current.Reschedule(changed, time.GetUtcNow());
            if (rescheduled != current)
            {
                await cycles.SaveAsync(rescheduled, cancellationToken).ConfigureAwait(false);
            }
        }

        return changed;
    }
}
