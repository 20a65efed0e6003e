using ListeningClub.Domain.Common;

namespace ListeningClub.Storage.Export;

/// <summary>Exports of a club's history for members to keep or take elsewhere.</summary>
public interface IClubExporter
{
    /// <summary>
    /// The club's whole history as indented UTF-8 JSON: tracks, cycles, nominations, picks, prompts, and, once public,
    /// ballots (after the pick is announced), tie-break seeds (revealed with the pick) and ratings (after the reveal).
    /// Ids are strings (JavaScript numbers cannot hold Discord ids); times are ISO 8601 in UTC. Null when there is no club.
    /// </summary>
    Task<string?> ExportClubJsonAsync(ulong guildId, CancellationToken cancellationToken);

    /// <summary>
    /// A film track's picks as a Letterboxd import CSV (Title, Year, WatchedDate, Rating10, Review). WatchedDate is the
    /// announcement date in the track's time zone. With <paramref name="memberId"/>, Rating10 and Review are that
    /// member's revealed rating; without, Rating10 is the club's rounded mean of revealed ratings and Review is empty.
    /// </summary>
    Task<string> ExportLetterboxdCsvAsync(ulong guildId, TrackId trackId, ulong? memberId, CancellationToken cancellationToken);
}
