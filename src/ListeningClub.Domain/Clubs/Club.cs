using ListeningClub.Domain.Common;
using ListeningClub.Domain.Media;

namespace ListeningClub.Domain.Clubs;

/// <summary>The club of one Discord server: its tracks and who may manage it.</summary>
public sealed record Club
{
    public const int MaxTracks = 10;

    public required ulong GuildId { get; init; }

    /// <summary>Members with this role manage the club, besides those with Manage Server.</summary>
    public ulong? ManagerRoleId { get; init; }

    public IReadOnlyList<Track> Tracks { get; init; } = [];

    /// <summary>
    /// The secret part of the club's web archive link while the archive is on (null while it is off). Whoever holds it
    /// can read the archive; a new one (rotating the link, or turning the archive off and on) makes the old link a 404.
    /// </summary>
    public string? ArchiveSlug { get; init; }

    public static Club New(ulong guildId) => new() { GuildId = guildId };

    public Track? FindTrack(TrackId id) => Tracks.FirstOrDefault(track => track.Id == id);

    /// <summary>The track a member means: the one named, or the only track of that kind.</summary>
    public Result<Track> ResolveTrack(string? name, MediaKind? kind = null)
    {
        var candidates = Tracks.Where(track => kind is null || track.Kind == kind).ToList();
        if (candidates.Count == 0)
        {
            var what = kind is null ? "tracks" : $"{kind.Value.ToString().ToLowerInvariant()} tracks";
            return new Problem("club.no_track", $"This club has no {what} yet. A manager can add one with /club setup.");
        }

        var cleaned = TextInput.Clean(name);
        if (cleaned.Length == 0)
        {
            return candidates.Count == 1
                ? candidates[0]
                : new Problem("club.which_track", $"This club has several tracks ({string.Join(", ", candidates.Select(t => t.Name))}); choose one with the track option.");
        }

        var match = candidates.FirstOrDefault(track => string.Equals(track.Name, cleaned, StringComparison.OrdinalIgnoreCase));
        return match is not null
            ? match
            : new Problem("club.unknown_track", $"There is no track called \"{cleaned}\". Tracks: {string.Join(", ", candidates.Select(t => t.Name))}.");
    }

    /// <summary>Adds a track, or replaces the one with the same id. Names are unique in a club.</summary>
    public Result<Club> WithTrack(Track track)
    {
        ArgumentNullException.ThrowIfNull(track);
        if (Tracks.Any(other => other.Id != track.Id && string.Equals(other.Name, track.Name, StringComparison.OrdinalIgnoreCase)))
        {
            return new Problem("club.duplicate_track", $"There is already a track called \"{track.Name}\".");
        }

        var existing = Tracks.Any(other => other.Id == track.Id);
        if (!existing && Tracks.Count >= MaxTracks)
        {
            return new Problem("club.too_many_tracks", $"A club can have at most {MaxTracks} tracks.");
        }

        var tracks = existing
            ? Tracks.Select(other => other.Id == track.Id ? track : other).ToList()
            : [.. Tracks, track];
        return this with { Tracks = tracks };
    }
}
