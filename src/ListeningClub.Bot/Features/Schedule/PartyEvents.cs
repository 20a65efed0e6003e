using System.Globalization;
using ListeningClub.Application.Cycles;
using ListeningClub.Application.Locks;
using ListeningClub.Application.Steps;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Rest;
using ListeningClub.Discord.Rest.Resources;
using ListeningClub.Discord.Safety;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Picks;
using Microsoft.Extensions.Logging;

namespace ListeningClub.Bot.Features.Schedule;

/// <summary>
/// The Discord scheduled event of a cycle's watch/listen party (for tracks with <c>party-event</c> on): created when the
/// pick is announced, updated when the pick or the party time changes. The event's id is kept on the cycle; a marker
/// in its description finds it again if the bot stopped between creating it and saving the id.
/// </summary>
public sealed partial class PartyEvents(IGuildScheduledEventsApi events, ICycleRepository cycles, IPickRepository picks, TrackLocks locks, TimeProvider time, ILogger<PartyEvents> logger)
    : ITrackEventListener<PickAnnounced>, ITrackEventListener<AnnouncementPostedLate>
{
    /// <summary>How long the party is planned to last (an external event needs an end).</summary>
    public static readonly TimeSpan Length = TimeSpan.FromHours(3);

    /// <summary>The pick is announced: its party event is made (after its discussion opened, so the event says where it is).</summary>
    public async Task HandleAsync(PickAnnounced happened, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(happened);
        var cycle = happened.Outcome.Cycle;
        var pick = await picks.GetByCycleAsync(cycle.Id, ct).ConfigureAwait(false) ?? happened.Outcome.Pick;
        await SyncAsync(happened.Track, cycle, pick, ct).ConfigureAwait(false);
    }

    /// <summary>A queued announcement went out: once its discussion is open, the party event says where it is.</summary>
    public async Task HandleAsync(AnnouncementPostedLate happened, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(happened);
        if (await picks.GetByCycleAsync(happened.Cycle.Id, ct).ConfigureAwait(false) is { ThreadId: not null } pick)
        {
            await SyncAsync(happened.Track, happened.Cycle, pick, ct).ConfigureAwait(false);
        }
    }

    /// <summary>After a change (the schedule, the pick): brings the latest announced pick's party event up to date.</summary>
    public async Task<ulong?> SyncLatestAsync(Track track, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(track);
        var recent = await cycles.RecentAsync(track, time, ct).ConfigureAwait(false);
        var announced = recent.Where(c => c.AnnouncedAt is not null).MaxBy(c => c.Number);
        var pick = announced is null ? null : await picks.GetByCycleAsync(announced.Id, ct).ConfigureAwait(false);
        return announced is null || pick is null ? null : await SyncAsync(track, announced, pick, ct).ConfigureAwait(false);
    }

    /// <summary>Creates or updates the party event of <paramref name="cycle"/>'s pick; returns its id, or null when there is none.</summary>
    public async Task<ulong?> SyncAsync(Track track, Cycle cycle, Pick pick, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(pick);
        if (!track.Schedule.PartyEvent || cycle.AnnouncedAt is not { } announced || track.Schedule.PartyAfter(announced, track.TimeZone) is not { } starts)
        {
            return null;
        }

        var name = DiscordText.Truncate($"{(track.Kind == MediaKind.Album ? "🎧" : "🍿")} {pick.Media.DisplayName}", 100);
        var description = DiscordText.Truncate($"The {track.Name} {(track.Kind == MediaKind.Album ? "listening" : "watch")} party for {pick.Media.DisplayName}.", 900) + "\n" + Marker(cycle);
        var location = new GuildScheduledEventEntityMetadata { Location = DiscordText.Truncate(pick.ThreadId is { } thread ? $"#{track.Name} discussion (channel {thread})" : track.Name, 100) };
        try
        {
            var existing = cycle.PartyEventId ?? (await events.ListAsync(track.GuildId, withUserCount: false, ct).ConfigureAwait(false))
                .FirstOrDefault(e => e.Description?.EndsWith(Marker(cycle), StringComparison.Ordinal) == true)?.Id;
            var id = existing is { } eventId
                ? (await events.ModifyAsync(track.GuildId, eventId, new GuildScheduledEventModifyRequest { Name = name, Description = description, ScheduledStartTime = starts, ScheduledEndTime = starts + Length, EntityMetadata = location }, ct).ConfigureAwait(false)).Id
                : (await events.CreateAsync(track.GuildId, new GuildScheduledEventCreateRequest
                {
                    Name = name,
                    Description = description,
                    ScheduledStartTime = starts,
                    ScheduledEndTime = starts + Length,
                    EntityType = GuildScheduledEventEntityType.External,
                    EntityMetadata = location,
                }, ct).ConfigureAwait(false)).Id;
            if (cycle.PartyEventId != id)
            {
                using var held = await locks.WriteAsync(track.Id, ct).ConfigureAwait(false);
                if (await cycles.GetAsync(cycle.Id, ct).ConfigureAwait(false) is { } stored)
                {
                    await cycles.SaveAsync(stored with { PartyEventId = id }, ct).ConfigureAwait(false);
                }
            }

            return id;
        }
        catch (DiscordRestException ex)
        {
            LogEventFailed(logger, ex, track.Id);
            return cycle.PartyEventId;
        }
    }

    private static string Marker(Cycle cycle) => string.Create(CultureInfo.InvariantCulture, $"(ListeningClub cycle {cycle.Number} · {cycle.Id})");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not create or update the party event of track {TrackId} (the bot needs Create Events)")]
    private static partial void LogEventFailed(ILogger logger, Exception exception, Domain.Common.TrackId trackId);
}
