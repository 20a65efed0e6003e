using ListeningClub.Application.Nominations;
using ListeningClub.Application.Voting;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Interactions;
using ListeningClub.Domain.Common;

namespace ListeningClub.Bot.Features.Voting;

/// <summary>
/// The ballot's buttons and selects: "Vote" on the announcement opens the form; each select updates the draft kept
/// in the form itself; "Submit ballot" casts it, durably, before saying so.
/// </summary>
public sealed class BallotComponents(MemberCommandServices services, BallotSession ballots, NominationService nominations, VotingService voting, BallotMetrics metrics)
    : MemberCommandHandler(services), IRoutedInteractionHandler
{
    public static InteractionRoutes Routes { get; } = InteractionRoutes.ForComponents(BallotIds.Prefix) with { DeferEphemeral = true };

    protected override async Task ExecuteAsync(InteractionContext context, ulong guildId, ulong memberId, CancellationToken ct)
    {
        if (!BallotIds.TryParse(context.CustomId, out var action, out var trackId, out var place))
        {
            await ReplyProblemAsync(context, new Problem("ballot.stale", "This ballot is out of date; use /vote to open a fresh one."), ct).ConfigureAwait(false);
            return;
        }

        var club = await Clubs.GetAsync(guildId, ct).ConfigureAwait(false);
        if (club?.FindTrack(trackId) is not { } track)
        {
            await ReplyProblemAsync(context, new Problem("ballot.no_track", "That track no longer exists."), ct).ConfigureAwait(false);
            return;
        }

        switch (action)
        {
            case "open":
                var form = await ballots.OpenAsync(track, memberId, ct).ConfigureAwait(false);
                await (form.IsSuccess ? context.ReplyAsync(form.Value, ct) : ReplyProblemAsync(context, form.Problem!, ct)).ConfigureAwait(false);
                return;

            case "choice":
                var (_, candidates) = await nominations.ListCurrentAsync(track, ct).ConfigureAwait(false);
                var draft = BallotForm.Apply(track.Rules.VotingMethod, BallotForm.ReadDraft(context.Interaction.Message?.Components), place, context.Values);
                await context.UpdateAsync(BallotSession.Reply(BallotForm.Render(track, candidates, draft)), ct).ConfigureAwait(false);
                return;

            case "submit":
                var choices = BallotForm.ReadDraft(context.Interaction.Message?.Components);
                var cast = await voting.CastAsync(track, memberId, choices, ct).ConfigureAwait(false);
                if (!cast.IsSuccess)
                {
                    await ReplyProblemAsync(context, cast.Problem!, ct).ConfigureAwait(false);
                    return;
                }

                metrics.Cast("form", track.Rules.VotingMethod);

                var (_, list) = await nominations.ListCurrentAsync(track, ct).ConfigureAwait(false);
                await context.UpdateAsync(new InteractionReply
                {
                    Content = $"✅ Your ballot for **{Markdown.Text(track.Name)}** is in:\n{BallotForm.Lines(cast.Value.Choices, list)}\nYou can change it until voting closes.",
                    Components = [],
                    Ephemeral = true,
                }, ct).ConfigureAwait(false);
                return;

            default:
                await ReplyProblemAsync(context, new Problem("ballot.stale", "This ballot is out of date; use /vote to open a fresh one."), ct).ConfigureAwait(false);
                return;
        }
    }
}
