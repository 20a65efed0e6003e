using ListeningClub.Domain.Common;

namespace ListeningClub.Bot.Features.Reminders;

/// <summary>custom_id of the "Remind me" button: <c>remind:{track id}</c>.</summary>
public static class ReminderIds
{
    public const string Prefix = "remind";

    public static string Toggle(TrackId track) => $"{Prefix}:{track}";

    public static bool TryParse(string? customId, out TrackId track)
    {
        track = default;
        var parts = (customId ?? "").Split(':');
        if (parts.Length != 2 || parts[0] != Prefix || !Guid.TryParseExact(parts[1], "N", out var id))
        {
            return false;
        }

        track = new TrackId(id);
        return true;
    }
}
