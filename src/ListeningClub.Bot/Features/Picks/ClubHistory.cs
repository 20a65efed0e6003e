using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Ratings;

namespace ListeningClub.Bot.Features.Picks;

/// <summary>A track's history as the domain's statistics need it: picks, fresh nominations and only revealed ratings.</summary>
public sealed class ClubHistory(ICycleRepository cycles, IPickRepository picks, INominationRepository nominations, IRatingRepository ratings)
{
    public async Task<(IReadOnlyList<Pick> Picks, IReadOnlyList<Nomination> Nominations, IReadOnlyList<Rating> RevealedRatings)> LoadAsync(Track track, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(track);
        var revealed = (await cycles.ListByTrackAsync(track.Id, ct).ConfigureAwait(false)).Where(c => c.RatingsRevealedAt is not null).Select(c => c.Id).ToHashSet();
        var allRatings = await ratings.ListByTrackAsync(track.Id, ct).ConfigureAwait(false);
        return (
            await picks.ListByTrackAsync(track.Id, ct).ConfigureAwait(false),
            await nominations.ListByTrackAsync(track.Id, ct).ConfigureAwait(false),
            allRatings.Where(r => revealed.Contains(r.CycleId)).ToList());
    }
}
