using System.Globalization;
using System.Text;
using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Safety;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Nominations;

namespace ListeningClub.Bot.Features.Nominations;

/// <summary>The public card posted when someone nominates a film or an album.</summary>
public static class NominationCard
{
    public static Embed Render(Track track, Nomination nomination)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(nomination);
        var media = nomination.Media;
        var description = new StringBuilder();
        description.Append(CultureInfo.InvariantCulture, $"Nominated by {Markdown.Member(nomination.MemberId)} for **{Markdown.Text(track.Name)}**");
        if (MediaFacts.Line(media) is { } facts)
        {
            description.Append('\n').Append(char.ToUpperInvariant(facts[0])).Append(facts.AsSpan(1));
        }

        if (MediaFacts.Synopsis(media) is { } synopsis)
        {
            description.Append(CultureInfo.InvariantCulture, $"\n*{synopsis}*");
        }

        if (nomination.Pitch is { } pitch)
        {
            description.Append(CultureInfo.InvariantCulture, $"\n> {Markdown.Text(pitch).ReplaceLineEndings("\n> ")}");
        }

        return new Embed
        {
            Title = DiscordText.Truncate($"{Markdown.Emoji(media.Kind)} {Markdown.Text(media.DisplayName)}", DiscordLimits.EmbedTitle),
            Url = media.Link?.AbsoluteUri,
            Description = DiscordText.Truncate(description.ToString(), DiscordLimits.EmbedDescription),
            Color = Palette.Nomination,
            Thumbnail = MediaFacts.Thumbnail(media),
        };
    }
}
