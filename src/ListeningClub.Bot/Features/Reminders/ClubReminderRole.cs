using ListeningClub.Application.Tracks;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Models;

namespace ListeningClub.Bot.Features.Reminders;

/// <summary>/club reminder-role: the opt-in role a track's reminders ping; members join it with /remind on or the Remind me button.</summary>
public sealed class ClubReminderRole(TrackService tracks) : IManagerSubcommand
{
    public static string Help => "the role reminders ping (members opt in with /remind)";

    public static ApplicationCommandOption Definition { get; } = CommandOptions.Subcommand(
        "reminder-role",
        "The opt-in role the track's reminders ping",
        CommandOptions.Role("role", "The reminder role (members join it with /remind on)", required: true),
        CommandOptions.Track());

    public async Task<ManagerOutcome> RunAsync(ManagerCall request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var track = await request.TrackAsync(ct).ConfigureAwait(false);
        if (!track.IsSuccess)
        {
            return track.Problem!;
        }

        var roleId = request.Context.GetId("role");
        if (roleId == request.GuildId)
        {
            return new Domain.Common.Problem("reminders.everyone", "Reminders never ping @everyone: choose or create a role members can opt into.");
        }

        var set = await tracks.SetReminderRoleAsync(track.Value, roleId, ct).ConfigureAwait(false);
        return set.IsSuccess
            ? $"**{Markdown.Text(set.Value.Name)}** reminders now ping <@&{roleId}> only. Members join it with /remind on or the 🔔 button on the voting post; I need **Manage Roles** and a role above it."
            : set.Problem!;
    }
}
