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
