using ListeningClub.Bot.Interactions;
using ListeningClub.Discord.Interactions;
using ListeningClub.Domain.Common;

namespace ListeningClub.Bot.Features.Reminders;

/// <summary>The "Remind me" button on the voting post: joins the track's reminder role, or leaves it when the member has it.</summary>
public sealed class RemindButton(MemberCommandServices services, ReminderRole role) : MemberCommandHandler(services), IRoutedInteractionHandler
{
    public static InteractionRoutes Routes { get; } = InteractionRoutes.ForComponents(RemindMeButton.Prefix) with { DeferEphemeral = true };

    protected override async Task ExecuteAsync(InteractionContext context, ulong guildId, ulong memberId, CancellationToken ct)
    {
        var club = await Clubs.GetAsync(guildId, ct).ConfigureAwait(false);
        if (!RemindMeButton.TryParse(context.CustomId, out var trackId) || club?.FindTrack(trackId) is not { } track)
        {
            await ReplyProblemAsync(context, new Problem("reminders.stale", "That track no longer exists."), ct).ConfigureAwait(false);
            return;
        }

        var has = track.ReminderRoleId is { } id && context.Interaction.Member?.Roles?.Contains(id) == true;
        var changed = await role.SetAsync(track, memberId, wanted: !has, ct).ConfigureAwait(false);
        await (changed.IsSuccess
            ? context.ReplyAsync(InteractionReply.Text(changed.Value + (has ? "" : " Press again to stop."), ephemeral: true), ct)
            : ReplyProblemAsync(context, changed.Problem!, ct)).ConfigureAwait(false);
    }
}
