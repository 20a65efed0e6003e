using ListeningClub.Domain.Common;

namespace ListeningClub.Bot.Features.Voting;

/// <summary>
/// The custom ids of the ballot's components. The ballot keeps its draft in the message itself (selected options are
/// marked default), so nothing is held in memory between a member's clicks.
/// </summary>
public static class BallotIds
{
    public const string Prefix = "ballot";

    public static string Open(TrackId track) => $"{Prefix}:open:{track}";

    public static string Choice(TrackId track, int place) => $"{Prefix}:choice:{track}:{place}";

    public static string Submit(TrackId track) => $"{Prefix}:submit:{track}";

    /// <summary>Parses "ballot:{action}:{track}[:{place}]".</summary>
    public static bool TryParse(string? customId, out string action, out TrackId track, out int place)
    {
        action = "";
        track = default;
        place = 0;
        var parts = customId?.Split(':') ?? [];
        if (parts.Length < 3 || parts[0] != Prefix || !TrackId.TryParse(parts[2], out track))
        {
            return false;
        }

        action = parts[1];
        return parts.Length == 3 || (parts.Length == 4 && int.TryParse(parts[3], System.Globalization.CultureInfo.InvariantCulture, out place) && place >= 0);
    }
}
