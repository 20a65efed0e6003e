using ListeningClub.Bot.Features.Events;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Outbox;
using ListeningClub.Domain.Picks;
using Microsoft.Extensions.Logging;

namespace ListeningClub.Bot.Features.Rhythm;

/// <summary>
/// What a post needs once it is out, when it went out after the step that decided it (a retry, the catch-up flush):
/// a pick announcement opens the pick's discussion (the thread from the announcement, or its forum post) and puts it
/// in the party event, as <see cref="TrackRhythm"/> does when the announcement goes out at once.
/// </summary>
public sealed partial class LateAnnouncements(IClubRepository clubs, ICycleRepository cycles, IPickRepository picks, TrackPosts posts, PartyEvents partyEvents, ILogger<LateAnnouncements> logger)
{
    public async Task AfterSentAsync(OutboxMessage sent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sent);
        if (sent.Kind != RhythmPostKinds.PickAnnounced || !Guid.TryParse(sent.IntentKey, out var cycleId))
        {
            return;
        }

        try
        {
            var pick = await picks.GetByCycleAsync(new CycleId(cycleId), ct).ConfigureAwait(false);
            var cycle = await cycles.GetAsync(new CycleId(cycleId), ct).ConfigureAwait(false);
            if (pick is not { ThreadId: null } || cycle is null
                || (await clubs.GetAsync(sent.GuildId, ct).ConfigureAwait(false))?.FindTrack(pick.TrackId) is not { } track)
            {
                return;
            }

            track = await posts.WithChannelKindAsync(track, ct).ConfigureAwait(false);
            if (await posts.DiscussionAsync(track, pick, sent, ct).ConfigureAwait(false) is { } threadId)
            {
                pick = pick with { ThreadId = threadId };
                await picks.SaveAsync(pick, ct).ConfigureAwait(false);
                await partyEvents.SyncAsync(track, cycle, pick, ct).ConfigureAwait(false);
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
