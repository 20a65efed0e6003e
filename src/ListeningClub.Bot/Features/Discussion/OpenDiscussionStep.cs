using ListeningClub.Application.Steps;
using ListeningClub.Bot.Posting;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Outbox;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Schedule;
using Microsoft.Extensions.Logging;

namespace ListeningClub.Bot.Features.Discussion;

/// <summary>
/// Opens the pick's discussion: a thread started from the announcement (in a forum, the announcement's post is the
/// discussion), and a starter message in it saying when the prompts come and how to rate. It runs as soon as the pick
/// is announced, and as its own step when that could not happen yet (the announcement was still queued); when a
/// queued announcement goes out late, the thread opens then.
/// </summary>
public sealed partial class OpenDiscussionStep(IPickRepository picks, IOutboxRepository outbox, TrackPosts posts, ILogger<OpenDiscussionStep> logger)
    : PostingStep(StepKind.OpenDiscussion, posts), ITrackEventListener<PickAnnounced>, ITrackEventListener<AnnouncementPostedLate>
{
    protected override async Task<Result<StepRun>> PerformAsync(StepRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var track = request.Track;
        var cycle = request.Cycle;
        if (await picks.GetByCycleAsync(cycle.Id, ct).ConfigureAwait(false) is not { } pick || cycle.AnnouncedAt is not { } announced)
        {
            return new Problem("rhythm.no_pick", $"{track.Name} has no announced pick to discuss yet.");
        }

        if (pick.ThreadId is null)
        {
            if (await OpenThreadAsync(track, pick, ct).ConfigureAwait(false) is not { } opened)
            {
                return new Problem("rhythm.no_thread", $"The discussion of {pick.Media.DisplayName} can't open until its announcement is posted in {track.Name}'s channel; it opens at the next step.");
            }

            pick = opened;
        }

        var starter = DiscussionMessages.DiscussionOpened(track, pick, track.Schedule.PromptTimes(announced, track.TimeZone), StepPlanner.PlannedReveal(track, cycle));
        return await Posts.PostForStepAsync(request, StepPlanner.DiscussionKey, PostKinds.DiscussionOpened, cycle.Id.ToString(), starter, $"🧵 {pick.Media.DisplayName}: discussion", pick.ThreadId, ct).ConfigureAwait(false);
    }

    /// <summary>Right after the announcement: the discussion opens at once (if the announcement is queued, the step opens it later).</summary>
    public async Task HandleAsync(PickAnnounced happened, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(happened);
        var cycle = happened.Outcome.Cycle;
        var planned = new PlannedStep(StepKind.OpenDiscussion, cycle.AnnouncedAt ?? default, StepPlanner.DiscussionKey, cycle.Id);
        var opened = await RunAsync(new StepRequest(happened.Track, [cycle], planned, cycle.AnnouncedAt ?? default, ByManager: false), ct).ConfigureAwait(false);
        if (!opened.IsSuccess)
        {
            LogNotYet(logger, opened.Problem!.Message); // planned still: the next run opens it
        }
    }

    /// <summary>A queued announcement went out: the thread opens now (the starter follows with the step).</summary>
    public async Task HandleAsync(AnnouncementPostedLate happened, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(happened);
        if (happened.Pick.ThreadId is null)
        {
            var track = await Posts.WithChannelKindAsync(happened.Track, ct).ConfigureAwait(false);
            await OpenThreadAsync(track, happened.Pick, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Opens the thread from the posted announcement and keeps its id on the pick; null while the announcement is not out.</summary>
    private async Task<Pick?> OpenThreadAsync(Track track, Pick pick, CancellationToken ct)
    {
        var announcement = await outbox.FindAsync(PostKinds.PickAnnounced, pick.CycleId.ToString(), ct).ConfigureAwait(false);
        if (announcement is null || await Posts.DiscussionAsync(track, pick, announcement, ct).ConfigureAwait(false) is not { } threadId)
        {
            return null;
        }

        pick = pick with { ThreadId = threadId };
        await picks.SaveAsync(pick, ct).ConfigureAwait(false);
        return pick;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The discussion did not open with the announcement: {Reason}")]
    private static partial void LogNotYet(ILogger logger, string reason);
}
