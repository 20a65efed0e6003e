using ListeningClub.Application.Steps;
using ListeningClub.Bot.Posting;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Schedule;

namespace ListeningClub.Bot.Features.Reminders;

/// <summary>The step that reminds members that the watch/listen party starts soon (with its Discord event, when there is one).</summary>
public sealed class RemindPartyStep(IPickRepository picks, TrackPosts posts, ReminderSender reminders) : PostingStep(StepKind.RemindParty, posts)
{
    protected override async Task<Result<StepRun>> PerformAsync(StepRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var track = request.Track;
        var cycle = request.Cycle;
        var pick = await picks.GetByCycleAsync(cycle.Id, ct).ConfigureAwait(false);
        if (pick is null || track.Schedule.PartyAfter(cycle.AnnouncedAt!.Value, track.TimeZone) is not { } party)
        {
            return new Problem("rhythm.no_party", $"{track.Name} has no party planned for its pick.");
        }

        var key = $"{cycle.Id}:{request.Planned.Key}";
        var thread = track.ChannelKind == TrackChannelKind.Forum ? pick.ThreadId : null; // in a text channel the role ping goes to the channel
        var run = await Posts.PostOnceAsync(track, PostKinds.PartyReminder, key, ReminderMessages.Party(track, pick, party, cycle.PartyEventId), $"🍿 {pick.Media.DisplayName}: party soon", thread, ct).ConfigureAwait(false);
        await reminders.SendDirectAsync(track, PostKinds.PartyReminder, key, ReminderMessages.Party(track, pick, party, cycle.PartyEventId, direct: true), ct).ConfigureAwait(false);
        return await Posts.RecordDoneAsync(request, request.Planned.Key, run, ct).ConfigureAwait(false);
    }
}
