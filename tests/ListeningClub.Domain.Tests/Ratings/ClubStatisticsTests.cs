using ListeningClub.Domain.Common;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Ratings;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Domain.Tests.Ratings;

public sealed class ClubStatisticsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly TrackId Track = TrackId.New();

    private static Nomination N(ulong member, CycleId cycle, int carried = 0) => new()
    {
        Id = NominationId.New(),
        TrackId = Track,
        CycleId = cycle,
        MemberId = member,
        Media = MediaFactory.Film($"Film {Guid.NewGuid():N}", null, null, null).Value,
        NominatedAt = Now,
        CarriedOver = carried,
    };

    private static Pick P(Nomination n, int number) => new()
    {
        CycleId = n.CycleId,
        TrackId = Track,
        GuildId = 1,
        CycleNumber = number,
        NominationId = n.Id,
        Media = n.Media,
        NominatorId = n.MemberId,
        AnnouncedAt = Now,
        Method = VotingMethod.Plurality,
        BallotCount = 3,
        CandidateCount = 2,
        TieBroken = false,
        TieBreakSeedHex = "",
        TieBreakCommitment = "",
    };

    private static Rating R(CycleId cycle, ulong member, int score) => new() { CycleId = cycle, TrackId = Track, MemberId = member, Score = score, RatedAt = Now };

    [Fact]
    public void MemberAndClubStats_CountFreshNominationsWinsAndRevealedRatings()
    {
        var cycles = Enumerable.Range(0, 3).Select(_ => CycleId.New()).ToArray();
        var ana = cycles.Select(c => N(1, c)).ToList();
        var ben = cycles.Select(c => N(2, c)).Append(N(2, cycles[2], carried: 1)).ToList();
        var picks = new[] { P(ana[0], 1), P(ana[1], 2), P(ben[2], 3) };
        var ratings = new[] { R(cycles[0], 1, 9), R(cycles[0], 2, 3), R(cycles[0], 3, 6), R(cycles[1], 1, 8), R(cycles[1], 2, 7), R(cycles[2], 1, 2), R(cycles[2], 2, 9), R(cycles[2], 3, 8) };

        var anaStats = ClubStatistics.Member(1, [.. ana, .. ben], picks, ratings);
        Assert.Equal((3, 2), (anaStats.Nominations, anaStats.Wins));
        Assert.Equal(2.0 / 3, anaStats.WinRate, 10);
        Assert.Equal(19.0 / 3, anaStats.AverageGiven!.Value, 10);
        Assert.Equal(2ul, anaStats.BestMatch!.OtherMemberId);

        var club = ClubStatistics.Club([.. ana, .. ben], picks, ratings);
        Assert.Equal((3, 6), (club.Picks, club.Nominations)); // the carried-over copy is not a new nomination
        Assert.Equal(cycles[1], club.TopPicks[0].Pick.CycleId); // 7.5 mean beats 6.33 and 6.0
        Assert.Equal([cycles[2], cycles[0]], club.MostDivisive.Select(p => p.Pick.CycleId)); // 2, 9, 8 spreads wider than 9, 3, 6; cycles[1] has only two ratings
    }
}
