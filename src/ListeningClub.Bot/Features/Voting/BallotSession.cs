using ListeningClub.Application.Nominations;
using ListeningClub.Application.Voting;
using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Interactions;
using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;

namespace ListeningClub.Bot.Features.Voting;

/// <summary>Opening a member's ballot form (from /vote or the Vote button), prefilled with their current ballot.</summary>
public sealed class BallotSession(NominationService nominations, VotingService voting)
{
    public async Task<Result<InteractionReply>> OpenAsync(Track track, ulong memberId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(track);
        var (cycle, candidates) = await nominations.ListCurrentAsync(track, ct).ConfigureAwait(false);
        if (cycle.Phase != CyclePhase.Voting)
        {
            return cycle.WrongPhase(CycleActions.Vote, track.Name, track.TimeZone);
        }

        if (NativePoll.Applies(track, candidates.Count))
        {
            return new Problem("vote.poll", $"**{Markdown.Text(track.Name)}** votes with the poll on the voting post in <#{track.ChannelId}>: choose there (you can change your vote until it closes).");
        }

        var (_, ballot) = await voting.GetBallotAsync(track, memberId, ct).ConfigureAwait(false);
        var notice = ballot is null ? null : "You have already voted; submitting again replaces your ballot.";
        return Reply(BallotForm.Render(track, candidates, ballot?.Choices ?? [], notice));
    }

    public static InteractionReply Reply(Discord.Models.InteractionCallbackData form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new InteractionReply { Content = form.Content, Components = form.Components, Ephemeral = true, AllowedMentions = form.AllowedMentions };
    }
}
