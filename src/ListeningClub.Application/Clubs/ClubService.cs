using ListeningClub.Application.Locks;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Prompts;

namespace ListeningClub.Application.Clubs;

/// <summary>Creating and configuring a club and its tracks.</summary>
public sealed class ClubService(IClubRepository clubs, ICycleRepository cycles, IPromptRepository prompts, TrackLocks locks, TimeProvider time)
{
    public Task<Club?> GetAsync(ulong guildId, CancellationToken cancellationToken) => clubs.GetAsync(guildId, cancellationToken);

    /// <summary>
    /// Creates a track (starting its first cycle and seeding its default prompt deck) or, when a track with that name
    /// exists, changes its channel, time zone and rules. The media kind of an existing track cannot change.
    /// </summary>
    public async Task<Result<Track>> SetupTrackAsync(ulong guildId, string? name, MediaKind kind, ulong channelId, string? timeZoneId, TrackRules rules, CancellationToken cancellationToken)
    {
        using var held = await locks.ClubAsync(guildId, cancellationToken).ConfigureAwait(false);
        var club = await clubs.GetAsync(guildId, cancellationToken).ConfigureAwait(false) ?? Club.New(guildId);
        var draft = Track.Create(guildId, name, kind, channelId, timeZoneId, rules);
        if (!draft.IsSuccess)
        {
            return draft;
        }

        var existing = club.Tracks.FirstOrDefault(t => string.Equals(t.Name, draft.Value.Name, StringComparison.OrdinalIgnoreCase));
        if (existing is not null && existing.Kind != kind)
        {
            return new Problem("track.kind_change", $"{existing.Name} is a {existing.Kind.ToString().ToLowerInvariant()} track; its kind can't change. Create a new track with another name.");
        }

        var track = existing is null
            ? draft.Value
            : existing with { ChannelId = channelId, ChannelKind = channelId == existing.ChannelId ? existing.ChannelKind : null, TimeZoneId = draft.Value.TimeZoneId, Rules = draft.Value.Rules };
        var updated = club.WithTrack(track);
        if (!updated.IsSuccess)
        {
            return updated.Problem!;
        }

        var now = time.GetUtcNow();
        await clubs.SaveAsync(updated.Value, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            await prompts.SaveAsync(PromptDeck.Seed(track.Id, kind, now), cancellationToken).ConfigureAwait(false);
            await cycles.SaveAsync(Cycle.Start(track, 1, now), cancellationToken).ConfigureAwait(false);
        }

        return track;
    }

    public async Task<Result<Club>> SetManagerRoleAsync(ulong guildId, ulong? roleId, CancellationToken cancellationToken)
    {
        using var held = await locks.ClubAsync(guildId, cancellationToken).ConfigureAwait(false);
        var club = await clubs.GetAsync(guildId, cancellationToken).ConfigureAwait(false) ?? Club.New(guildId);
        var updated = club with { ManagerRoleId = roleId };
        await clubs.SaveAsync(updated, cancellationToken).ConfigureAwait(false);
        return updated;
    }

    /// <summary>The club's track a member means (by name, or the only one of a kind), or why it can't be found.</summary>
    public async Task<Result<Track>> ResolveTrackAsync(ulong guildId, string? trackName, MediaKind? kind, CancellationToken cancellationToken)
    {
        var club = await clubs.GetAsync(guildId, cancellationToken).ConfigureAwait(false);
        return club is null
            ? new Problem("club.none", "This server has no club yet. A manager can start one with /club setup.")
            : club.ResolveTrack(trackName, kind);
    }
}
