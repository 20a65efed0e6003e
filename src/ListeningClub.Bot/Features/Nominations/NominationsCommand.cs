using System.Text;
using ListeningClub.Bot.Features.Commands;
using ListeningClub.Bot.Features.Rendering;
using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Safety;
using ListeningClub.Domain.Nominations;

namespace ListeningClub.Bot.Features.Nominations;

/// <summary>/nominations [track]: the current list.</summary>
public sealed class NominationsCommand(ClubHandlerServices services, NominationService nominations) : ClubHandler(services), IInteractionHandler
{
    public static InteractionRoutes Routes { get; } = InteractionRoutes.ForCommand(new ApplicationCommand
    {
        Name = "nominations",
        Description = "See this cycle's nominations",
        Contexts = [0],
        Options = [Options.Track()],
    });

    protected override async Task ExecuteAsync(InteractionContext context, ulong guildId, ulong memberId, CancellationToken ct)
    {
        if (await TrackOrReplyAsync(context, guildId, null, ct).ConfigureAwait(false) is not { } track)
        {
            return;
        }

        var (cycle, list) = await nominations.ListCurrentAsync(track, ct).ConfigureAwait(false);
        var text = new StringBuilder();
        foreach (var (n, i) in list.Select((n, i) => (n, i + 1)))
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i}. {Markdown.MediaName(n.Media, withLink: true)} — {Markdown.Member(n.MemberId)}");
            text.Append(n.Pitch is { } pitch ? $"\n   > {Markdown.Text(pitch, 150)}\n" : "\n");
        }

        var embed = new Embed
        {
            Title = DiscordText.Truncate($"{Markdown.Emoji(track.Kind)} {Markdown.Text(track.Name)} — cycle {cycle.Number}", DiscordLimits.EmbedTitle),
            Description = list.Count == 0 ? "Nothing nominated yet. Be the first with /nominate!" : DiscordText.Truncate(text.ToString(), DiscordLimits.EmbedDescription),
            Color = Palette.Nomination,
            Footer = new EmbedFooter { Text = $"{Markdown.Count(list.Count, "nomination", "nominations")} · {track.ScheduleDescription}" },
        };
        await context.ReplyAsync(new InteractionReply { Embeds = [embed], AllowedMentions = AllowedMentions.None }, ct).ConfigureAwait(false);
    }
}
