using System.Globalization;
using System.Text;
using ListeningClub.Application.History;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Safety;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Ratings;

namespace ListeningClub.Bot.Features.Picks;

/// <summary>/history [track]: the picks, newest first, with who nominated them and how the club rated them.</summary>
public sealed class HistoryCommand(MemberCommandServices services, ClubHistoryQuery history) : PagedListHandler(services), IMemberCommand
{
    public const int PageSize = 15;

    public static string Help => "past picks and how the club rated them";

    public static InteractionRoutes Routes { get; } = CommandOptions.ServerCommand("history", "The club's past picks", deferEphemeral: false, CommandOptions.Track()) with { ComponentPrefixes = ["history"] };

    protected override string List => "history";

    protected override async Task<InteractionReply> RenderAsync(Track track, int page, CancellationToken ct)
    {
        var record = await history.TrackAsync(track, withBallots: false, ct).ConfigureAwait(false);
        var (picks, ratings) = (record.Picks, record.RevealedRatings);
        (page, var pages) = Pages.Clamp(page, picks.Count, PageSize);
        var text = new StringBuilder();
        foreach (var pick in picks.Reverse().Skip(page * PageSize).Take(PageSize))
        {
            var summary = RatingSummary.Of(ratings.Where(r => r.CycleId == pick.CycleId).Select(r => r.Score));
            var rating = summary is null ? "" : string.Create(CultureInfo.InvariantCulture, $" · ⭐ {summary.Mean:0.0} ({summary.Count})");
            var facts = MediaFacts.Line(pick.Media) is { } line ? $" ({line})" : "";
            text.Append(CultureInfo.InvariantCulture, $"**{pick.CycleNumber}.** {Markdown.MediaName(pick.Media, withLink: true)}{facts} — {Markdown.Member(pick.NominatorId)}, {Markdown.Time(pick.AnnouncedAt, 'D')}{rating}\n");
        }

        var embed = new Embed
        {
            Title = DiscordText.Truncate($"{Markdown.Emoji(track.Kind)} {Markdown.Text(track.Name)} — history", DiscordLimits.EmbedTitle),
            Description = picks.Count == 0 ? "No picks yet." : DiscordText.Truncate(text.ToString(), DiscordLimits.EmbedDescription),
            Color = Palette.Pick,
            Footer = new EmbedFooter { Text = $"{Markdown.Count(picks.Count, "pick", "picks")}{Pages.Footer(page, pages)}" },
        };
        return new InteractionReply { Embeds = [embed], Components = Pages.Buttons(List, track.Id, page, pages), AllowedMentions = AllowedMentions.None };
    }
}
