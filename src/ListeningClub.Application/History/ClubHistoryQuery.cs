using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Prompts;
using ListeningClub.Domain.Ratings;

namespace ListeningClub.Application.History;

/// <summary>
/// Reads a club's history for /history, /stats, the export (and, later, the web archive), over any store: reads only,
/// no locks (a cycle that changes meanwhile shows as it was read). Secrets stay out: see <see cref="CycleHistory"/>.
/// </summary>
public sealed class ClubHistoryQuery(
    IClubRepository clubs,
    ICycleRepository cycles,
    INominationRepository nominations,
    IBallotRepository ballots,
    IPickRepository picks,
    IRatingRepository ratings,
    IPromptRepository prompts)
{
    /// <summary>The club's history, or null when the server has no club.</summary>
    public async Task<ClubHistory?> GetAsync(ulong guildId, CancellationToken cancellationToken)
    {
        if (await clubs.GetAsync(guildId, cancellationToken).ConfigureAwait(false) is not { } club)
        {
            return null;
        }

        var tracks = new List<TrackHistory>(club.Tracks.Count);
        foreach (var track in club.Tracks)
        {
            tracks.Add(await TrackAsync(track, withBallots: true, cancellationToken).ConfigureAwait(false));
        }

        return new ClubHistory(club, tracks);
    }

    /// <summary>One track's history; its ballots (once public) only when <paramref name="withBallots"/>.</summary>
    public async Task<TrackHistory> TrackAsync(Track track, bool withBallots, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        var trackPicks = (await picks.ListByTrackAsync(track.Id, cancellationToken).ConfigureAwait(false)).ToDictionary(pick => pick.CycleId);
        var trackRatings = (await ratings.ListByTrackAsync(track.Id, cancellationToken).ConfigureAwait(false)).ToLookup(rating => rating.CycleId);
        var trackNominations = (await nominations.ListByTrackAsync(track.Id, cancellationToken).ConfigureAwait(false)).ToLookup(nomination => nomination.CycleId);
        var history = new List<CycleHistory>();
        foreach (var cycle in await cycles.ListByTrackAsync(track.Id, cancellationToken).ConfigureAwait(false))
        {
            var announced = cycle.Phase is CyclePhase.Announced or CyclePhase.Closed;
            history.Add(new CycleHistory(
                cycle,
                [.. trackNominations[cycle.Id]],
                trackPicks.GetValueOrDefault(cycle.Id),
                announced ? cycle.TieBreakSeedHex : null,
                announced && withBallots ? [.. (await ballots.ListByCycleAsync(cycle.Id, cancellationToken).ConfigureAwait(false)).OrderBy(b => b.MemberId)] : null,
                cycle.RatingsRevealedAt is null ? null : [.. trackRatings[cycle.Id].OrderBy(r => r.MemberId)]));
        }

        var deck = await prompts.ListByTrackAsync(track.Id, cancellationToken).ConfigureAwait(false);
        return new TrackHistory(track, history, deck);
    }
}
