using ListeningClub.Application.Nominations;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Interactions;
using ListeningClub.Domain.Common;

namespace ListeningClub.Bot.Features.Nominations;

/// <summary>/withdraw nomination: take back one of your nominations while nominations are open.</summary>
public sealed class WithdrawCommand(MemberCommandServices services, NominationService nominations) : MemberCommandHandler(services), IMemberCommand
{
    public static string Help => "take back one of your nominations";

    public static InteractionRoutes Routes { get; } = CommandOptions.ServerCommand("withdraw", "Withdraw one of your nominations", deferEphemeral: true, CommandOptions.Text("nomination", "Which of your nominations", required: true, autocomplete: true), CommandOptions.Track());

    public override async Task AutocompleteAsync(InteractionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.FocusedOption?.Name != "nomination" || context.Interaction.GuildId is not { } guildId || context.User is not { } user)
        {
            await base.AutocompleteAsync(context, ct).ConfigureAwait(false);
            return;
        }

        var club = await Clubs.GetAsync(guildId, ct).ConfigureAwait(false);
        await context.AutocompleteAsync(await NominationChoices.CurrentAsync(club, nominations, n => n.MemberId == user.Id, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(InteractionContext context, ulong guildId, ulong memberId, CancellationToken ct)
    {
        if (!NominationId.TryParse(context.GetString("nomination"), out var id))
        {
            await ReplyProblemAsync(context, new Problem("withdraw.pick", "Choose one of your nominations from the list that appears as you type."), ct).ConfigureAwait(false);
            return;
        }

        // The nomination says which track it belongs to.
        var club = await Clubs.GetAsync(guildId, ct).ConfigureAwait(false);
        var nomination = await nominations.GetAsync(id, ct).ConfigureAwait(false);
        if (nomination is null || club?.FindTrack(nomination.TrackId) is not { } track)
        {
            await ReplyProblemAsync(context, new Problem("withdraw.unknown", "That nomination isn't on any current list."), ct).ConfigureAwait(false);
            return;
        }

        var withdrawn = await nominations.WithdrawAsync(track, memberId, id, ct).ConfigureAwait(false);
        if (!withdrawn.IsSuccess)
        {
            await ReplyProblemAsync(context, withdrawn.Problem!, ct).ConfigureAwait(false);
            return;
        }

        await context.ReplyAsync(InteractionReply.Text($"Withdrawn: {Markdown.MediaName(withdrawn.Value.Media)}. You can nominate something else.", ephemeral: true), ct).ConfigureAwait(false);
    }
}
