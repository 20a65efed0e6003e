using ListeningClub.Bot.Posting;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Rest;
using ListeningClub.Discord.Rest.Resources;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Outbox;
using Microsoft.Extensions.Logging;

namespace ListeningClub.Bot.Features.Reminders;

/// <summary>
/// Sends a reminder by direct message to each member who opted into them (the channel post, which pings the reminder
/// role, is the step's). Each goes through the outbox under its own key, so a retry never sends anything twice.
/// </summary>
public sealed partial class ReminderSender(OutboxSender sender, IOutboxRepository outbox, IDirectMessagesApi directMessages, ILogger<ReminderSender> logger)
{
    public async Task SendDirectAsync(Track track, string kind, string intentKey, MessageCreateRequest direct, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(track);
        var dmKind = PostKinds.DirectCopy(kind);
        foreach (var member in track.DmReminderMembers)
        {
            var memberKey = $"{intentKey}:{member}";
            if (await outbox.FindAsync(dmKind, memberKey, ct).ConfigureAwait(false) is not null)
            {
                continue; // decided already; the outbox sends it if it hasn't gone out
            }

            try
            {
                var channel = await directMessages.OpenAsync(member, ct).ConfigureAwait(false);
                await sender.PostAsync(track.Id, track.GuildId, channel.Id, dmKind, memberKey, direct, ct).ConfigureAwait(false);
            }
            catch (DiscordRestException ex)
            {
                LogDmFailed(logger, ex, member);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not open a direct message with member {MemberId} for a reminder")]
    private static partial void LogDmFailed(ILogger logger, Exception exception, ulong memberId);
}
