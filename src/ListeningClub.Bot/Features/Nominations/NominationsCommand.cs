using System.Globalization;
using System.Text;
using ListeningClub.Application.Nominations;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Safety;
using ListeningClub.Domain.Clubs;

namespace ListeningClub.Bot.Features.Nominations;

/// <summary>/nominations [track]: this cycle's nominations, ten to a page.</summary>
public sealed class NominationsCommand(MemberCommandServices services, NominationService nominations) : PagedListHandler(services), IMemberCommand
{
    public const int PageSize = 10;

    public static string Help => "this cycle's list";

    public static InteractionRoutes Routes { get; } = CommandOptions.ServerCommand("nominations", "See this cycle's nominations", deferEphemeral: false, CommandOptions.Track()) with { ComponentPrefixes = ["nominations"] };

    protected override string List => "nominations";

    protected override async Task<InteractionReply> RenderAsync(Track track, int page, CancellationToken ct)
    {
        var (cycle, list) = await nominations.ListCurrentAsync(track, ct).ConfigureAwait(false);
        (page, var pages) = Pages.Clamp(page, list.Count, PageSize);
        var text = new StringBuilder();
        foreach (var (n, i) in list.Select((n, i) => (n, i + 1)).Skip(page * PageSize).Take(PageSize))
        {
            text.Append(CultureInfo.InvariantCulture, $"{i}. {Markdown.MediaName(n.Media, withLink: true)} — {Markdown.Member(n.MemberId)}");
            text.Append(n.Pitch is { } pitch ? $"\n   > {Markdown.Text(pitch, 150)}\n" : "\n");
        }

        var embed = new Embed
        {
            Title = DiscordText.Truncate($"{Markdown.Emoji(track.Kind)} {Markdown.Text(track.Name)} — cycle {cycle.Number}", DiscordLimits.EmbedTitle),
            Description = list.Count == 0 ? "Nothing nominated yet. Be the first with /nominate!" : DiscordText.Truncate(text.ToString(), DiscordLimits.EmbedDescription),
            Color = Palette.Nomination,
            Footer = new EmbedFooter { Text = $"{Markdown.Count(list.Count, "nomination", "nominations")} · {track.ScheduleDescription}{Pages.Footer(page, pages)}" },
        };
        return new InteractionReply { Embeds = [embed], Components = Pages.Buttons(List, track.Id, page, pages), AllowedMentions = AllowedMentions.None };
    }
}
