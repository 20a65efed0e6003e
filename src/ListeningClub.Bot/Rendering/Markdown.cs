using System.Globalization;
using ListeningClub.Discord.Safety;
using ListeningClub.Domain.Media;

namespace ListeningClub.Bot.Rendering;

/// <summary>Small pieces of Discord message text. Everything a member typed goes through <see cref="Text(string?)"/>.</summary>
public static class Markdown
{
    /// <summary>User text, escaped so it shows literally and can ping nobody.</summary>
    public static string Text(string? userText) => DiscordText.Escape(userText);

    /// <summary>User text escaped and cut to <paramref name="maxLength"/>.</summary>
    public static string Text(string? userText, int maxLength) => DiscordText.Truncate(DiscordText.Escape(userText), maxLength);

    /// <summary>A member reference. Renders as their name; our messages never let it ping (allowed_mentions parse: []).</summary>
    public static string Member(ulong memberId) => string.Create(CultureInfo.InvariantCulture, $"<@{memberId}>");

    /// <summary>A Discord timestamp: every member sees it in their own time zone. Styles: F full, R relative, f short, D date.</summary>
    public static string Time(DateTimeOffset instant, char style = 'F') =>
        string.Create(CultureInfo.InvariantCulture, $"<t:{instant.ToUnixTimeSeconds()}:{style}>");

    /// <summary>A film's or album's name, escaped; with its link when it has one.</summary>
    public static string MediaName(MediaItem media, bool withLink = false)
    {
        ArgumentNullException.ThrowIfNull(media);
        var name = Text(media.DisplayName);
        return withLink && media.Link is { } link ? $"[{name}](<{link.AbsoluteUri}>)" : name;
    }

    public static string Emoji(MediaKind kind) => kind == MediaKind.Album ? "💿" : "🎬";

    public static string Count(int count, string singular, string plural) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? singular : plural)}");

    public static string Percent(double share) => share.ToString("0.#%", CultureInfo.InvariantCulture);
}
