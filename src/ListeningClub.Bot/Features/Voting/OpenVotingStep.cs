using ListeningClub.Application.Cycles;
using ListeningClub.Application.Steps;
using ListeningClub.Application.Voting;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Posting;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Schedule;

namespace ListeningClub.Bot.Features.Voting;

/// <summary>
/// The step that closes nominations and opens the vote, posting the voting announcement (with the tie-break commitment
/// and, when the track has a reminder role, a Remind me button). With nothing nominated, the schedule keeps nominating
/// and says so; a manager is told instead.
/// </summary>
public sealed class OpenVotingStep(VotingService voting, CycleService cycles, INominationRepository nominations, TrackPosts posts) : PostingStep(StepKind.OpenVoting, posts)
{
    protected override async Task<Result<StepRun>> PerformAsync(StepRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var track = request.Track;
        var opened = await voting.OpenVotingAsync(track, ct).ConfigureAwait(false);
        if (!opened.IsSuccess)
        {
            if (request.ByManager || opened.Problem!.Code != "cycle.no_nominations")
            {
                return opened.Problem!;
            }

            // Nothing to vote on: keep nominating and try again at the next planned time.
            var cycle = request.Cycle;
            var replanned = await cycles.KeepNominatingAsync(track, cycle.Id, ct).ConfigureAwait(false);
            var nominationsPost = await Posts.ForumPostOfAsync(track, PostKinds.NominationsOpen, cycle.Id.ToString(), ct).ConfigureAwait(false);
            await Posts.PostAsync(track, PostKinds.NoNominations, $"{cycle.Id}:{cycle.VotingOpensAt?.ToUnixTimeSeconds()}", VotingMessages.NoNominations(track, replanned), $"{track.Name}: no vote yet", nominationsPost, ct).ConfigureAwait(false);
            return StepRun.Performed;
        }

        // If the close is overdue too (the bot was down through the whole vote), open silently: the result says it all.
        if (opened.Value.VotingClosesAt is not { } closes || closes > request.Now)
        {
            await PostAsync(track, opened.Value, ct).ConfigureAwait(false);
        }

        return StepRun.Performed;
    }

    /// <summary>A manager opens voting now (/club open-voting): the same post as the scheduled step.</summary>
    public async Task<Result<Cycle>> OpenNowAsync(Track track, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(track);
        var opened = await voting.OpenVotingAsync(track, ct).ConfigureAwait(false);
        if (opened.IsSuccess)
        {
            await PostAsync(await Posts.WithChannelKindAsync(track, ct).ConfigureAwait(false), opened.Value, ct).ConfigureAwait(false);
        }

        return opened;
    }

    private async Task PostAsync(Track track, Cycle opened, CancellationToken ct)
    {
        var candidates = (await nominations.ListByCycleAsync(opened.Id, ct).ConfigureAwait(false)).Where(n => n.IsActive).ToList();
        var message = VotingAnnouncement.Render(track, opened, candidates);
        if (track.ReminderRoleId is not null)
        {
            message = message with { Components = [.. message.Components ?? [], Component.ActionRow(RemindMeButton.For(track.Id))] };
        }

        await Posts.PostAsync(track, PostKinds.VotingOpened, opened.Id.ToString(), message, $"🗳️ {track.Name}: vote (cycle {opened.Number})", null, ct).ConfigureAwait(false);
    }
}
