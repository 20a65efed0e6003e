using ListeningClub.Application.Steps;
using ListeningClub.Bot.Posting;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Schedule;

namespace ListeningClub.Bot.Features.Reminders;

/// <summary>The step that reminds members that voting closes soon: in the channel (pinging the reminder role) and by direct message to those who asked.</summary>
public sealed class RemindVotingStep(INominationRepository nominations, TrackPosts posts, ReminderSender reminders) : PostingStep(StepKind.RemindVoting, posts)
{
    protected override async Task<Result<StepRun>> PerformAsync(StepRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var track = request.Track;
        var cycle = request.Cycle;
        var candidates = (await nominations.ListByCycleAsync(cycle.Id, ct).ConfigureAwait(false)).Where(n => n.IsActive).ToList();
        var closes = cycle.VotingClosesAt!.Value;
        var key = $"{cycle.Id}:{request.Planned.Key}";
        var votingPost = await Posts.ForumPostOfAsync(track, PostKinds.VotingOpened, cycle.Id.ToString(), ct).ConfigureAwait(false);
        var run = await Posts.PostOnceAsync(track, PostKinds.VotingReminder, key, ReminderMessages.Voting(track, closes, candidates), $"⏰ {track.Name}: voting closes soon", votingPost, ct).ConfigureAwait(false);
        await reminders.SendDirectAsync(track, PostKinds.VotingReminder, key, ReminderMessages.Voting(track, closes, candidates, direct: true), ct).ConfigureAwait(false);
        return await Posts.RecordDoneAsync(request, request.Planned.Key, run, ct).ConfigureAwait(false);
    }
}
