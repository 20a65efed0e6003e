using ListeningClub.Application.Prompts;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Interactions;
using ListeningClub.Domain.Prompts;

namespace ListeningClub.Bot.Features.Discussion;

/// <summary>/prompt suggest text [track]: adds a discussion question to the track's deck (managers can remove it).</summary>
public sealed class PromptCommand(MemberCommandServices services, PromptService prompts) : MemberCommandHandler(services), IMemberCommand
{
    public static string Help => "add a discussion question to the deck";

    public static InteractionRoutes Routes { get; } = CommandOptions.ServerCommand(
        "prompt",
        "Discussion prompts for the pick's thread",
        deferEphemeral: true,
        CommandOptions.Subcommand(
            "suggest",
            "Suggest a discussion question for the track's deck",
            CommandOptions.Text("text", "The question, e.g. Which scene stayed with you?", required: true, maxLength: Prompt.MaxLength),
            CommandOptions.Track()));

    protected override async Task ExecuteAsync(InteractionContext context, ulong guildId, ulong memberId, CancellationToken ct)
    {
        if (await TrackOrReplyAsync(context, guildId, null, ct).ConfigureAwait(false) is not { } track)
        {
            return;
        }

        var added = await prompts.AddAsync(track, context.GetString("text"), PromptSource.Member, memberId, ct).ConfigureAwait(false);
        if (!added.IsSuccess)
        {
            await ReplyProblemAsync(context, added.Problem!, ct).ConfigureAwait(false);
            return;
        }

        await context.ReplyAsync(InteractionReply.Text(
            $"Thanks! Your prompt is in the **{Markdown.Text(track.Name)}** deck and will come up in a discussion thread:\n> {Markdown.Text(added.Value.Text)}", ephemeral: true), ct).ConfigureAwait(false);
    }
}
