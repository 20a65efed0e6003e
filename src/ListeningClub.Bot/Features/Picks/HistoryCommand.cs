using System.Globalization;
using System.Text;
using ListeningClub.Bot.Features.Commands;
using ListeningClub.Bot.Features.Rendering;
using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Safety;
using ListeningClub.Domain.Ratings;

namespace ListeningClub.Bot.Features.Picks;

/// <summary>/history [track]: the latest picks with who nominated them and how the club rated them.</summary>
public sealed class HistoryCommand(ClubHandlerServices services, ClubHistory history) : ClubHandler(services), IInteractionHandler
{
    public const int Shown = 15;

    public static InteractionRoutes Routes { get; } = InteractionRoutes.ForCommand(new ApplicationCommand
    {
        Name = "history",
        Description = "The club's past picks",
        Contexts = [0],
        Options = [Options.Track()],
    });

    protected override async Task ExecuteAsync(InteractionContext context, ulong guildId, ulong memberId, CancellationToken ct)
    {
        if (await TrackOrReplyAsync(context, guildId, null, ct).ConfigureAwait(false) is not { } track)
        {
            return;
        }

        var (picks, _, ratings) = await history.LoadAsync(track, ct).ConfigureAwait(false);
        var text = new StringBuilder();
        foreach (var pick in picks.Reverse().Take(Shown))
        {
            var summary = RatingSummary.Of(ratings.Where(r => r.CycleId == pick.CycleId).Select(r => r.Score));
            var rating = summary is null ? "" : string.Create(CultureInfo.InvariantCulture, $" · ⭐ {summary.Mean:0.0} ({summary.Count})");
            text.Append(CultureInfo.InvariantCulture, $"**{pick.CycleNumber}.** {Markdown.MediaName(pick.Media, withLink: true)} — {Markdown.Member(pick.NominatorId)}, {Markdown.Time(pick.AnnouncedAt, 'D')}{rating}\n");
        }

        var more = picks.Count > Shown ? $" · showing the latest {Shown}" : "";
        await context.ReplyAsync(new InteractionReply
        {
            Embeds =
            [
                new Embed
                {
                    Title = DiscordText.Truncate($"{Markdown.Emoji(track.Kind)} {Markdown.Text(track.Name)} — history", DiscordLimits.EmbedTitle),
                    Description = picks.Count == 0 ? "No picks yet." : DiscordText.Truncate(text.ToString(), DiscordLimits.EmbedDescription),
                    Color = Palette.Pick,
                    Footer = new EmbedFooter { Text = $"{Markdown.Count(picks.Count, "pick", "picks")}{more}" },
                },
            ],
            AllowedMentions = AllowedMentions.None,
        }, ct).ConfigureAwait(false);
    }
}
