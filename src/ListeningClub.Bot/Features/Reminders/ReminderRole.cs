using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Rest;
using ListeningClub.Discord.Rest.Resources;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;

namespace ListeningClub.Bot.Features.Reminders;

/// <summary>Gives members a track's opt-in reminder role or takes it away, with a message saying what to fix when Discord refuses.</summary>
public sealed class ReminderRole(IGuildMembersApi members)
{
    public async Task<Result<string>> SetAsync(Track track, ulong memberId, bool wanted, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(track);
        if (track.ReminderRoleId is not { } role)
        {
            return new Problem("reminders.no_role", $"{track.Name} has no reminder role yet: a manager can set one with /club reminder-role. You can still get reminders by direct message with /remind on dm:True.");
        }

        try
        {
            if (wanted)
            {
                await members.AddRoleAsync(track.GuildId, memberId, role, ct).ConfigureAwait(false);
            }
            else
            {
                await members.RemoveRoleAsync(track.GuildId, memberId, role, ct).ConfigureAwait(false);
            }
        }
        catch (DiscordRestException ex) when (ex.Code is MissingPermissions or UnknownRole)
        {
            return new Problem(
                "reminders.role_refused",
                ex.Code == UnknownRole
                    ? $"The reminder role of {track.Name} no longer exists; a manager can set a new one with /club reminder-role."
                    : $"Discord won't let me change <@&{role}>: I need the **Manage Roles** permission and my own role must be above it. Ask a manager to fix that.");
        }

        return wanted
            ? $"🔔 You'll be pinged for **{Markdown.Text(track.Name)}** reminders (<@&{role}>)."
            : $"🔕 No more reminder pings for **{Markdown.Text(track.Name)}**.";
    }

    private const int MissingPermissions = 50013;
    private const int UnknownRole = 10011;
}
