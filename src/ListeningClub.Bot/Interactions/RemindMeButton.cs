using ListeningClub.Discord.Models;
using ListeningClub.Domain.Common;

namespace ListeningClub.Bot.Interactions;

/// <summary>
/// The "Remind me" button: the voting post shows it (Voting), pressing it toggles the member's reminder role
/// (Reminders). Its custom_id is <c>remind:{track id}</c>.
/// </summary>
public static class RemindMeButton
{
    public const string Prefix = "remind";

    public static string Toggle(TrackId track) => $"{Prefix}:{track}";

    public static Component For(TrackId track) => Component.Button(ButtonStyle.Secondary, Toggle(track), "Remind me", emoji: new Emoji { Name = "🔔" });

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
