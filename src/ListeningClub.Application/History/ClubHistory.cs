using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Prompts;
using ListeningClub.Domain.Ratings;

namespace ListeningClub.Application.History;

/// <summary>A club's whole history as members may see it: what is still secret is left out, not just hidden.</summary>
public sealed record ClubHistory(Club Club, IReadOnlyList<TrackHistory> Tracks);

/// <summary>A track's cycles, oldest first, and its prompt deck (removed prompts included, marked).</summary>
public sealed record TrackHistory(Track Track, IReadOnlyList<CycleHistory> Cycles, IReadOnlyList<Prompt> Prompts)
{
    /// <summary>The track's picks, oldest first.</summary>
    public IReadOnlyList<Pick> Picks { get; } = [.. Cycles.Select(c => c.Pick).OfType<Pick>()];

    /// <summary>Every nomination of every cycle, carried-over copies included.</summary>
    public IReadOnlyList<Nomination> Nominations { get; } = [.. Cycles.SelectMany(c => c.Nominations)];

    /// <summary>The ratings already revealed (sealed ones are not in the history at all).</summary>
    public IReadOnlyList<Rating> RevealedRatings { get; } = [.. Cycles.SelectMany(c => c.Ratings ?? [])];

    /// <summary>
    /// The season of a revealed cycle: the calendar year, in the track's time zone, in which its ratings were revealed.
    /// Null while they are sealed.
    /// </summary>
    public int? SeasonOf(CycleHistory cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        return cycle.Ratings is not null && cycle.Cycle.RatingsRevealedAt is { } revealed ? TimeZoneInfo.ConvertTime(revealed, Track.TimeZone).Year : null;
    }

    /// <summary>
    /// The most divisive pick of <paramref name="season"/> (<see cref="SeasonOf"/>): the widest spread of revealed ratings
    /// among the picks revealed that year, with at least <see cref="RatingStatistics.MinRatingsForDivisive"/> ratings.
    /// </summary>
    public (CycleHistory Cycle, RatingSummary Summary)? MostDivisiveOf(int season)
    {
        var ofSeason = Cycles.Where(c => c.Pick is not null && SeasonOf(c) == season).ToDictionary(c => c.Cycle.Id);
        return RatingStatistics.MostDivisive(ofSeason.Values.SelectMany(c => c.Ratings!), limit: 1) is [var most]
            ? (ofSeason[most.CycleId], most.Summary)
            : null;
    }
}

/// <summary>
/// One cycle. <see cref="TieBreakSeedHex"/> and <see cref="Ballots"/> are null until the pick is announced (the seed
/// would let anyone predict tie-breaks, ballots are secret while the vote is open), and ballots also when they were
/// not asked for; <see cref="Ratings"/> is null until they are revealed.
/// </summary>
public sealed record CycleHistory(
    Cycle Cycle,
    IReadOnlyList<Nomination> Nominations,
    Pick? Pick,
    string? TieBreakSeedHex,
    IReadOnlyList<Ballot>? Ballots,
    IReadOnlyList<Rating>? Ratings);
