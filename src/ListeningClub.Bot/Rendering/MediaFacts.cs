using System.Globalization;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Safety;
using ListeningClub.Domain.Media;

namespace ListeningClub.Bot.Rendering;

/// <summary>What cards show of a film or album besides its name: the facts line, a short synopsis, the poster or cover.</summary>
public static class MediaFacts
{
    /// <summary>
    /// What the name does not already say (escaped): "directed by Ridley Scott · 1 h 57 min" or "12 tracks" (an album's
    /// name carries its artist), or null when nothing more is known.
    /// </summary>
    public static string? Line(MediaItem media) => Join(media, director => Markdown.Text(director, 100));

    /// <summary><see cref="Line"/> unescaped, for what Discord shows without markdown (select options).</summary>
    public static string? PlainLine(MediaItem media) => Join(media, director => DiscordText.Truncate(director, 100));

    /// <summary>The catalogue's synopsis, escaped and cut to <paramref name="maxLength"/>, or null.</summary>
    public static string? Synopsis(MediaItem media, int maxLength = 300)
    {
        ArgumentNullException.ThrowIfNull(media);
        return media.Catalogue?.Synopsis is { Length: > 0 } synopsis ? Markdown.Text(synopsis, maxLength) : null;
    }

    /// <summary>The poster or cover as an embed thumbnail, or null.</summary>
    public static EmbedMedia? Thumbnail(MediaItem media)
    {
        ArgumentNullException.ThrowIfNull(media);
        return media.Catalogue?.ImageUrl is { } image ? new EmbedMedia { Url = image.AbsoluteUri } : null;
    }

    private static string? Join(MediaItem media, Func<string, string> text)
    {
        ArgumentNullException.ThrowIfNull(media);
        var parts = new List<string>();
        if (media is Film { Director: { } director })
        {
            parts.Add($"directed by {text(director)}");
        }

        if (media.Catalogue?.RuntimeMinutes is { } minutes)
        {
            parts.Add(minutes >= 60 ? string.Create(CultureInfo.InvariantCulture, $"{minutes / 60} h {minutes % 60:00} min") : string.Create(CultureInfo.InvariantCulture, $"{minutes} min"));
        }

        if (media.Catalogue?.TrackCount is { } tracks)
        {
            parts.Add(Markdown.Count(tracks, "track", "tracks"));
        }

        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }
}
