using ListeningClub.Application.Prompts;
using ListeningClub.Application.Scheduling;
using ListeningClub.Bot.Features.Reminders;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Outbox;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Prompts;
using ListeningClub.Domain.Scheduling;

namespace ListeningClub.Bot.Features.Rhythm;

/// <summary>Whether a step was performed by this call, or had been performed before (its post decided already).</summary>
public enum StepRun
{
    Performed = 0,
    AlreadyPerformed = 1,
}

/// <summary>
/// The rhythm's steps that post and change nothing else: nominations open, the pick's discussion (thread and starter),
/// voting and party reminders, discussion prompts. Each posts once (an outbox intent per cycle and step) and then
/// records the step done on its cycle, so it never runs again. A crash between the two runs the step again, which
/// finds its post decided and only records it.
/// </summary>
public sealed class PostingSteps(
    INominationRepository nominations,
    IPickRepository picks,
    IOutboxRepository outbox,
    PromptService prompts,
    RhythmService rhythm,
    TrackPosts posts,
    ReminderSender reminders)
{
    public async Task<Result<StepRun>> OpenNominationsAsync(Track track, Cycle cycle, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(cycle);
        var run = await posts.PostOnceAsync(track, "nominations-open", cycle.Id.ToString(), RhythmMessages.NominationsOpen(track, cycle), $"📝 {track.Name}: nominations (cycle {cycle.Number})", null, ct).ConfigureAwait(false);
        return await DoneAsync(track, cycle, RhythmPlanner.NominationsKey, run, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Opens the pick's discussion: a thread started from the announcement (in a forum, the announcement's post is
    /// the discussion), and a starter message in it saying when the prompts come and how to rate.
    /// </summary>
    public async Task<Result<StepRun>> OpenDiscussionAsync(Track track, Cycle cycle, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(cycle);
        if (await picks.GetByCycleAsync(cycle.Id, ct).ConfigureAwait(false) is not { } pick || cycle.AnnouncedAt is not { } announced)
        {
            return new Problem("rhythm.no_pick", $"{track.Name} has no announced pick to discuss yet.");
        }

        if (pick.ThreadId is null)
        {
            var announcement = await outbox.FindAsync("pick-announced", cycle.Id.ToString(), ct).ConfigureAwait(false);
            if (announcement is null || await posts.DiscussionAsync(track, pick, announcement, ct).ConfigureAwait(false) is not { } threadId)
            {
                return new Problem("rhythm.no_thread", $"The discussion of {pick.Media.DisplayName} can't open until its announcement is posted in {track.Name}'s channel; it opens at the next step.");
            }

            pick = pick with { ThreadId = threadId };
            await picks.SaveAsync(pick, ct).ConfigureAwait(false);
        }

        var starter = RhythmMessages.DiscussionOpened(track, pick, track.Schedule.PromptTimes(announced, track.TimeZone), RhythmPlanner.PlannedReveal(track, cycle));
        var run = await posts.PostOnceAsync(track, "discussion-opened", cycle.Id.ToString(), starter, $"🧵 {pick.Media.DisplayName}: discussion", pick.ThreadId, ct).ConfigureAwait(false);
        return await DoneAsync(track, cycle, RhythmPlanner.DiscussionKey, run, ct).ConfigureAwait(false);
    }

    public async Task<Result<StepRun>> RemindVotingAsync(Track track, Cycle cycle, PlannedStep step, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(step);
        var candidates = (await nominations.ListByCycleAsync(cycle.Id, ct).ConfigureAwait(false)).Where(n => n.IsActive).ToList();
        var closes = cycle.VotingClosesAt!.Value;
        var key = $"{cycle.Id}:{step.Key}";
        var votingPost = await posts.ForumPostOfAsync(track, "voting-opened", cycle.Id.ToString(), ct).ConfigureAwait(false);
        var run = await posts.PostOnceAsync(track, "voting-reminder", key, ReminderMessages.Voting(track, closes, candidates), $"⏰ {track.Name}: voting closes soon", votingPost, ct).ConfigureAwait(false);
        await reminders.SendDirectAsync(track, "voting-reminder", key, ReminderMessages.Voting(track, closes, candidates, direct: true), ct).ConfigureAwait(false);
        return await DoneAsync(track, cycle, step.Key, run, ct).ConfigureAwait(false);
    }

    public async Task<Result<StepRun>> RemindPartyAsync(Track track, Cycle cycle, PlannedStep step, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(step);
        var pick = await picks.GetByCycleAsync(cycle.Id, ct).ConfigureAwait(false);
        if (pick is null || track.Schedule.PartyAfter(cycle.AnnouncedAt!.Value, track.TimeZone) is not { } party)
        {
            return new Problem("rhythm.no_party", $"{track.Name} has no party planned for its pick.");
        }

        var key = $"{cycle.Id}:{step.Key}";
        var thread = track.ChannelKind == TrackChannelKind.Forum ? pick.ThreadId : null; // in a text channel the role ping goes to the channel
        var run = await posts.PostOnceAsync(track, "party-reminder", key, ReminderMessages.Party(track, pick, party, cycle.PartyEventId), $"🍿 {pick.Media.DisplayName}: party soon", thread, ct).ConfigureAwait(false);
        await reminders.SendDirectAsync(track, "party-reminder", key, ReminderMessages.Party(track, pick, party, cycle.PartyEventId, direct: true), ct).ConfigureAwait(false);
        return await DoneAsync(track, cycle, step.Key, run, ct).ConfigureAwait(false);
    }

    public async Task<Result<StepRun>> PostPromptAsync(Track track, Cycle cycle, PlannedStep step, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(step);
        var intentKey = $"{cycle.Id}:{step.Key}";
        if (await outbox.FindAsync("prompt", intentKey, ct).ConfigureAwait(false) is not null)
        {
            // Drawn and stored already (the outbox sends it if it has not gone out yet): drawing again would use up a prompt.
            return await DoneAsync(track, cycle, step.Key, StepRun.AlreadyPerformed, ct).ConfigureAwait(false);
        }

        if (await picks.GetByCycleAsync(cycle.Id, ct).ConfigureAwait(false) is not { } pick)
        {
            return new Problem("rhythm.no_pick", $"{track.Name} has no announced pick to post a prompt for.");
        }

        var prompt = await prompts.DrawAsync(track, ct).ConfigureAwait(false);
        if (!prompt.IsSuccess)
        {
            return prompt.Problem!;
        }

        var number = int.Parse(step.Key["prompt-".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var run = await posts.PostOnceAsync(track, "prompt", intentKey, RhythmMessages.Prompt(track, pick, prompt.Value, number), $"💬 {pick.Media.DisplayName}: prompt {number}", pick.ThreadId, ct).ConfigureAwait(false);
        return await DoneAsync(track, cycle, step.Key, run, ct).ConfigureAwait(false);
    }

    private async Task<Result<StepRun>> DoneAsync(Track track, Cycle cycle, string key, StepRun run, CancellationToken ct)
    {
        await rhythm.MarkDoneAsync(track, cycle.Id, key, ct).ConfigureAwait(false);
        return run;
    }
}
