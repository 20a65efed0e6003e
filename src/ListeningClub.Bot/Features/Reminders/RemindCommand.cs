using ListeningClub.Application.Tracks;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Models;

namespace ListeningClub.Bot.Features.Reminders;

/// <summary>
/// /remind on|off [track] [dm]: join or leave the track's reminder role (the role the reminders ping), and with
/// dm:True also get (or stop) the reminders by direct message. Nobody but those who opted in is ever pinged.
/// </summary>
public sealed class RemindCommand(MemberCommandServices services, ReminderRole role, TrackService tracks) : MemberCommandHandler(services), IMemberCommand
{
    private static readonly ApplicationCommandOption Dm = new()
    {
        Type = ApplicationCommandOptionType.Boolean,
        Name = "dm",
        Description = "Also get them by direct message",
    };

    public static string Help => "get (or stop) the reminder pings and, if you like, DMs";

    public static InteractionRoutes Routes { get; } = CommandOptions.ServerCommand(
        "remind",
        "Get or stop the track's reminders",
        deferEphemeral: true,
        CommandOptions.Subcommand("on", "Get pinged before voting closes and before the party", CommandOptions.Track(), Dm),
        CommandOptions.Subcommand("off", "Stop the reminder pings and direct messages", CommandOptions.Track()));

    protected override async Task ExecuteAsync(InteractionContext context, ulong guildId, ulong memberId, CancellationToken ct)
    {
        if (await TrackOrReplyAsync(context, guildId, null, ct).ConfigureAwait(false) is not { } track)
        {
            return;
        }

        var on = context.CommandPath.ElementAtOrDefault(1) == "on";
        var byDm = on ? context.GetBoolean("dm") == true : track.DmReminderMembers.Contains(memberId);
        var lines = new List<string>();
        if (track.ReminderRoleId is not null || !byDm)
        {
            var changed = await role.SetAsync(track, memberId, on, ct).ConfigureAwait(false);
            if (!changed.IsSuccess)
            {
                await ReplyProblemAsync(context, changed.Problem!, ct).ConfigureAwait(false);
                return;
            }

            lines.Add(changed.Value);
        }

        if (byDm)
        {
            var set = await tracks.SetDmReminderAsync(track, memberId, on, ct).ConfigureAwait(false);
            if (!set.IsSuccess)
            {
                await ReplyProblemAsync(context, set.Problem!, ct).ConfigureAwait(false);
                return;
            }

            lines.Add(on
                ? $"✉️ I'll also send you **{Markdown.Text(track.Name)}** reminders by direct message (if your privacy settings let me)."
                : $"✉️ No more direct-message reminders for **{Markdown.Text(track.Name)}**.");
        }

        await context.ReplyAsync(InteractionReply.Text(string.Join('\n', lines), ephemeral: true), ct).ConfigureAwait(false);
    }
}
