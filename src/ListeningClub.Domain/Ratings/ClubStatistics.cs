using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Picks;

namespace ListeningClub.Domain.Ratings;

/// <summary>A member's part in the club: how much they nominate, how often they win, how they rate.</summary>
public sealed record MemberStats(ulong MemberId, int Nominations, int Wins, double WinRate, int RatingsGiven, double? AverageGiven, TasteMatch? BestMatch);

/// <summary>A pick with its revealed ratings.</summary>
public sealed record RatedPick(Pick Pick, RatingSummary Summary);

/// <summary>The club at a glance: most active nominators, best-loved and most divisive picks.</summary>
public sealed record ClubStats(IReadOnlyList<MemberStats> TopNominators, IReadOnlyList<RatedPick> TopPicks, IReadOnlyList<RatedPick> MostDivisive, int Picks, int Nominations);

/// <summary>Statistics over a club's history. Only revealed ratings count, so nothing sealed leaks.</summary>
public static class ClubStatistics
{
    public static ClubStats Club(IReadOnlyList<Nomination> nominations, IReadOnlyList<Pick> picks, IReadOnlyList<Rating> revealedRatings, int limit = 5)
    {
        ArgumentNullException.ThrowIfNull(nominations);
        ArgumentNullException.ThrowIfNull(picks);
        ArgumentNullException.ThrowIfNull(revealedRatings);
        var fresh = nominations.Where(n => n.CarriedOver == 0).ToList();
        var members = fresh.Select(n => n.MemberId).Distinct()
            .Select(m => Member(m, fresh, picks, revealedRatings))
            .OrderByDescending(s => s.Nominations).ThenByDescending(s => s.Wins).ThenBy(s => s.MemberId)
            .Take(limit)
            .ToList();
        var rated = Rated(picks, revealedRatings);
        return new ClubStats(
            members,
            rated.Where(p => p.Summary.Count >= 2).OrderByDescending(p => p.Summary.Mean).ThenByDescending(p => p.Summary.Count).Take(limit).ToList(),
            RatingStatistics.MostDivisive(revealedRatings, limit).Select(d => rated.First(p => p.Pick.CycleId == d.CycleId)).ToList(),
            picks.Count,
            fresh.Count);
    }

    public static MemberStats Member(ulong memberId, IReadOnlyList<Nomination> nominations, IReadOnlyList<Pick> picks, IReadOnlyList<Rating> revealedRatings)
    {
        ArgumentNullException.ThrowIfNull(nominations);
        ArgumentNullException.ThrowIfNull(picks);
        ArgumentNullException.ThrowIfNull(revealedRatings);
        var mine = nominations.Count(n => n.MemberId == memberId && n.CarriedOver == 0);
        var wins = picks.Count(p => p.NominatorId == memberId);
        var given = revealedRatings.Where(r => r.MemberId == memberId).ToList();
        return new MemberStats(
            memberId,
            mine,
            wins,
            mine == 0 ? 0 : (double)wins / mine,
            given.Count,
            given.Count == 0 ? null : given.Average(r => r.Score),
            RatingStatistics.TasteMatches(memberId, revealedRatings) is [var best, ..] ? best : null);
    }

    private static List<RatedPick> Rated(IReadOnlyList<Pick> picks, IReadOnlyList<Rating> ratings)
    {
        var byCycle = ratings.GroupBy(r => r.CycleId).ToDictionary(g => g.Key, g => RatingSummary.Of(g.Select(r => r.Score))!);
        return picks.Where(p => byCycle.ContainsKey(p.CycleId)).Select(p => new RatedPick(p, byCycle[p.CycleId])).ToList();
    }
}
