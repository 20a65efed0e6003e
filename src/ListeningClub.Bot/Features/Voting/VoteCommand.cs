using ListeningClub.Bot.Interactions;
using ListeningClub.Discord.Interactions;

namespace ListeningClub.Bot.Features.Voting;

/// <summary>/vote [track]: your private ballot form.</summary>
public sealed class VoteCommand(MemberCommandServices services, BallotSession ballots) : MemberCommandHandler(services), IMemberCommand
{
    public static string Help => "your private ballot (or press **Vote** on the voting post); change it until voting closes";

    public static InteractionRoutes Routes { get; } = CommandOptions.ServerCommand("vote", "Vote for the next pick (privately; you can change your vote until voting closes)", deferEphemeral: true, CommandOptions.Track());

    protected override async Task ExecuteAsync(InteractionContext context, ulong guildId, ulong memberId, CancellationToken ct)
    {
        var track = await TrackAsync(context, guildId, null, ct).ConfigureAwait(false);
        var form = track.IsSuccess ? await ballots.OpenAsync(track.Value, memberId, ct).ConfigureAwait(false) : track.Problem!;
        if (!form.IsSuccess)
        {
            await ReplyProblemAsync(context, form.Problem!, ct).ConfigureAwait(false);
            return;
        }

        await context.ReplyAsync(form.Value, ct).ConfigureAwait(false);
    }
}
