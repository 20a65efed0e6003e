using ListeningClub.Application.History;
using ListeningClub.Application.Voting;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Application.Archive;

/// <summary>
/// What the web archive may show for a link: the history of the club whose archive answers to the slug, or nothing
/// (unknown, rotated or turned-off slugs alike). Never individual ballots: the archive is read by anyone holding the
/// link, so it gets the history without them (seeds after the announcement, ratings after the reveal, as everywhere).
/// </summary>
public sealed class ArchiveQuery(IClubRepository clubs, ClubHistoryQuery history, VotingService voting)
{

    public async Task<ClubHistory?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        if (!LooksLikeSlug(slug) || await clubs.FindByArchiveSlugAsync(slug, cancellationToken).ConfigureAwait(false) is not { } club)
        {
            return null;
        }

        var tracks = new List<TrackHistory>(club.Tracks.Count);
        foreach (var track in club.Tracks)
        {
            tracks.Add(await history.TrackAsync(track, withBallots: false, cancellationToken).ConfigureAwait(false));
        }

        return new ClubHistory(club, tracks);
    }

    /// <summary>
    /// The count of an announced cycle, recomputed from its ballots and revealed seed: totals, rounds and the pairwise
    /// matrix, never who voted how. Null before the announcement.
    /// </summary>
    public async Task<TallyResult?> CountAsync(Track track, Cycle cycle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        if (cycle.Phase is not (CyclePhase.Announced or CyclePhase.Closed))
        {
            return null;
        }

        var recount = await voting.RecountAsync(track, cycle, cancellationToken).ConfigureAwait(false);
        return recount.IsSuccess ? recount.Value.Tally : null;
    }

    private static bool LooksLikeSlug(string? slug) =>
        slug is { Length: >= ClubArchiveService.MinNameLength and <= 64 } && slug.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
