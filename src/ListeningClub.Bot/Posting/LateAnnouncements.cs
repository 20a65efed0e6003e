using ListeningClub.Application.Steps;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Outbox;
using ListeningClub.Domain.Picks;
using Microsoft.Extensions.Logging;

namespace ListeningClub.Bot.Posting;

/// <summary>
/// When a pick's announcement goes out after the step that decided it (a retry, the catch-up flush), the
/// <see cref="AnnouncementPostedLate"/> handlers act on it as they would have when it went out at once: the pick's
/// discussion opens from it and its party event learns where the discussion is.
/// </summary>
public sealed partial class LateAnnouncements(
    IClubRepository clubs,
    ICycleRepository cycles,
    IPickRepository picks,
    IEnumerable<ITrackEventListener<AnnouncementPostedLate>> handlers,
    ILogger<LateAnnouncements> logger)
{
    public async Task AfterSentAsync(OutboxMessage sent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sent);
        if (sent.Kind != PostKinds.PickAnnounced || !Guid.TryParse(sent.IntentKey, out var id))
        {
            return;
        }

        try
        {
            var cycleId = new CycleId(id);
            var pick = await picks.GetByCycleAsync(cycleId, ct).ConfigureAwait(false);
            var cycle = await cycles.GetAsync(cycleId, ct).ConfigureAwait(false);
            if (pick is not { ThreadId: null } || cycle is null
                || (await clubs.GetAsync(sent.GuildId, ct).ConfigureAwait(false))?.FindTrack(pick.TrackId) is not { } track)
            {
                return;
            }

            var happened = new AnnouncementPostedLate(track, cycle, pick);
            foreach (var handler in handlers)
            {
                await handler.HandleAsync(happened, ct).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex, sent.IntentKey);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The pick announcement for cycle {CycleId} went out late, but its discussion could not be opened")]
    private static partial void LogFailed(ILogger logger, Exception exception, string cycleId);
}
