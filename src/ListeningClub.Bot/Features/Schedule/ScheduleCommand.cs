using ListeningClub.Application.Steps;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Safety;

namespace ListeningClub.Bot.Features.Schedule;

/// <summary>/schedule [track]: the track's schedule and its next steps, as timestamps in each member's own time.</summary>
public sealed class ScheduleCommand(MemberCommandServices services, StepRunner steps) : MemberCommandHandler(services), IMemberCommand
{
    public const int StepsShown = 8;

    public static string Help => "the track's next steps, in your own time zone";

    public static InteractionRoutes Routes { get; } = CommandOptions.ServerCommand("schedule", "When the track's next steps happen", deferEphemeral: false, CommandOptions.Track());

    protected override async Task ExecuteAsync(InteractionContext context, ulong guildId, ulong memberId, CancellationToken ct)
    {
        if (await TrackOrReplyAsync(context, guildId, null, ct).ConfigureAwait(false) is not { } track)
        {
            return;
        }

        var lines = StepNames.Upcoming(track, await steps.PreviewAsync(track, StepsShown, ct).ConfigureAwait(false));
        await context.ReplyAsync(new InteractionReply
        {
            Embeds =
            [
                new Embed
                {
                    Title = DiscordText.Truncate($"{Markdown.Emoji(track.Kind)} {Markdown.Text(track.Name)} — schedule", DiscordLimits.EmbedTitle),
                    Description = $"{track.ScheduleDescription}\n\n**Next**\n{lines}",
                    Color = Palette.Pick,
                },
            ],
            AllowedMentions = AllowedMentions.None,
        }, ct).ConfigureAwait(false);
    }
}
