using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Domain.Tests.Ballots;

public sealed class BallotRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 5, 18, 0, 0, TimeSpan.Zero);

    private static (Track Track, Cycle Cycle, List<Nomination> List) Setup(VotingMethod method, int ballotSize = 3, int candidates = 4)
    {
        var track = Track.Create(1, "Film Night", MediaKind.Film, 10, "UTC", new TrackRules { VotingMethod = method, BallotSize = ballotSize }).Value;
        var cycle = Cycle.Start(track.Id, 1, Now);
        var list = Enumerable.Range(1, candidates).Select(i => new Nomination
        {
            Id = NominationId.New(),
            TrackId = track.Id,
            CycleId = cycle.Id,
            MemberId = (ulong)i,
            Media = MediaFactory.Film($"Film {i}", 2000 + i, null, null).Value,
            NominatedAt = Now,
        }).ToList();
        return (track, cycle.OpenVoting(list.Count, "s", "c", Now).Value, list);
    }

    [Fact]
    public void Plurality_ExactlyOneChoice()
    {
        var (track, cycle, list) = Setup(VotingMethod.Plurality);
        Assert.True(BallotRules.Cast(track, cycle, list, 9, [list[0].Id], Now).IsSuccess);
        Assert.Equal("ballot.plurality", BallotRules.Cast(track, cycle, list, 9, [list[0].Id, list[1].Id], Now).Problem!.Code);
    }

    [Fact]
    public void Approval_AnyNumberOfDistinctChoices()
    {
        var (track, cycle, list) = Setup(VotingMethod.Approval);
        Assert.True(BallotRules.Cast(track, cycle, list, 9, list.Select(n => n.Id).ToList(), Now).IsSuccess);
    }

    [Fact]
    public void Ranked_MoreThanTheBallotSize_IsRejected()
    {
        var (track, cycle, list) = Setup(VotingMethod.Schulze, ballotSize: 2);
        var result = BallotRules.Cast(track, cycle, list, 9, [list[0].Id, list[1].Id, list[2].Id], Now);
        Assert.Equal("ballot.too_many", result.Problem!.Code);
    }

    [Fact]
    public void Ranked_SameNominationTwice_IsRejected()
    {
        var (track, cycle, list) = Setup(VotingMethod.InstantRunoff);
        Assert.Equal("ballot.duplicate", BallotRules.Cast(track, cycle, list, 9, [list[0].Id, list[0].Id], Now).Problem!.Code);
    }

    [Fact]
    public void UnknownOrVetoedCandidate_IsRejected()
    {
        var (track, cycle, list) = Setup(VotingMethod.InstantRunoff);
        Assert.Equal("ballot.unknown", BallotRules.Cast(track, cycle, list, 9, [NominationId.New()], Now).Problem!.Code);
        list[0] = list[0] with { Status = NominationStatus.Vetoed };
        Assert.Equal("ballot.unknown", BallotRules.Cast(track, cycle, list, 9, [list[0].Id], Now).Problem!.Code);
    }

    [Fact]
    public void EmptyBallot_IsRejected()
    {
        var (track, cycle, list) = Setup(VotingMethod.Approval);
        Assert.Equal("ballot.empty", BallotRules.Cast(track, cycle, list, 9, [], Now).Problem!.Code);
    }

    [Fact]
    public void BallotBeforeVotingOpens_IsRejected()
    {
        var (track, _, list) = Setup(VotingMethod.Plurality);
        var nominating = Cycle.Start(track.Id, 1, Now);
        Assert.Equal("cycle.wrong_phase", BallotRules.Cast(track, nominating, list, 9, [list[0].Id], Now).Problem!.Code);
    }
}
