using ListeningClub.Application.Nominations;
using ListeningClub.Application.Voting;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Interactions;

namespace ListeningClub.Bot.Features.Voting;

/// <summary>/ballot [track]: your current ballot, privately.</summary>
public sealed class BallotCommand(MemberCommandServices services, VotingService voting, NominationService nominations) : MemberCommandHandler(services), IMemberCommand
{
    public static string Help => "see your current ballot";

    public static InteractionRoutes Routes { get; } = CommandOptions.ServerCommand("ballot", "See your current ballot", deferEphemeral: true, CommandOptions.Track());

    protected override async Task ExecuteAsync(InteractionContext context, ulong guildId, ulong memberId, CancellationToken ct)
    {
        if (await TrackOrReplyAsync(context, guildId, null, ct).ConfigureAwait(false) is not { } track)
        {
            return;
        }

        var (_, ballot) = await voting.GetBallotAsync(track, memberId, ct).ConfigureAwait(false);
        var (_, list) = await nominations.ListCurrentAsync(track, ct).ConfigureAwait(false);
        var text = ballot is null
            ? $"You haven't voted in **{Markdown.Text(track.Name)}** this cycle."
            : $"Your ballot in **{Markdown.Text(track.Name)}**:\n{BallotForm.Lines(ballot.Choices, list)}";
        await context.ReplyAsync(InteractionReply.Text(text, ephemeral: true), ct).ConfigureAwait(false);
    }
}
