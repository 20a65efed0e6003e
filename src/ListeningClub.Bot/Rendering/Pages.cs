using System.Globalization;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Common;

namespace ListeningClub.Bot.Rendering;

/// <summary>
/// Long lists shown a page at a time with ◀ / ▶ buttons. The button's custom id carries the list, the track and the
/// page it leads to ("{list}:{track}:{page}:{p|n}"), so no state is kept between clicks.
/// </summary>
public static class Pages
{
    /// <summary>The page that exists nearest to <paramref name="page"/>, and how many pages there are (at least one).</summary>
    public static (int Page, int Count) Clamp(int page, int items, int size)
    {
        var count = Math.Max(1, (items + size - 1) / size);
        return (Math.Clamp(page, 0, count - 1), count);
    }

    /// <summary>The ◀ / ▶ row, or none when everything fits on one page.</summary>
    public static IReadOnlyList<Component> Buttons(string list, TrackId track, int page, int count) => count <= 1
        ? []
        :
        [
            Component.ActionRow(
                Component.Button(ButtonStyle.Secondary, Id(list, track, page - 1, 'p'), "◀ Previous", disabled: page == 0),
                Component.Button(ButtonStyle.Secondary, Id(list, track, page + 1, 'n'), "Next ▶", disabled: page >= count - 1)),
        ];

    /// <summary>"Page 2 of 5" (empty when there is one page).</summary>
    public static string Footer(int page, int count) =>
        count <= 1 ? "" : string.Create(CultureInfo.InvariantCulture, $" · page {page + 1} of {count}");

    /// <summary>Reads a button's custom id; false for anything else (an old or foreign id).</summary>
    public static bool TryParse(string? customId, string list, out TrackId track, out int page)
    {
        track = default;
        page = 0;
        var parts = customId?.Split(':') ?? [];
        return parts.Length == 4 && parts[0] == list && TrackId.TryParse(parts[1], out track)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out page);
    }

    private static string Id(string list, TrackId track, int page, char direction) =>
        string.Create(CultureInfo.InvariantCulture, $"{list}:{track}:{Math.Max(0, page)}:{direction}");
}
