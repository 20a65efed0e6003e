using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;

namespace ListeningClub.Domain.Tests.Cycles;

public sealed class CycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 5, 17, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static Cycle Fresh() => Cycle.Start(TrackId.New(), 1, Now);

    [Fact]
    public void FullLifecycle_MovesThroughEveryPhase()
    {
        var pick = NominationId.New();
        var cycle = Fresh().OpenVoting(2, "seed", "commit", Now).Value;
        Assert.Equal(CyclePhase.Voting, cycle.Phase);
        cycle = cycle.Announce(pick, Now.AddDays(1)).Value;
        Assert.Equal(CyclePhase.Announced, cycle.Phase);
        Assert.True(cycle.RatingsOpen);
        cycle = cycle.Close(Now.AddDays(7)).Value;
        Assert.Equal(CyclePhase.Closed, cycle.Phase);
        Assert.True(cycle.RatingsOpen);
        cycle = cycle.RevealRatings(Now.AddDays(8)).Value;
        Assert.False(cycle.RatingsOpen);
    }

    [Fact]
    public void Transitions_RepeatedWithSameArguments_ChangeNothing()
    {
        var pick = NominationId.New();
        var voting = Fresh().OpenVoting(2, "seed", "commit", Now).Value;
        Assert.Same(voting, voting.OpenVoting(2, "other-seed", "other", Now.AddHours(1)).Value);
        var announced = voting.Announce(pick, Now).Value;
        Assert.Same(announced, announced.Announce(pick, Now.AddHours(1)).Value);
        var closed = announced.Close(Now).Value;
        Assert.Same(closed, closed.Close(Now.AddHours(1)).Value);
    }

    [Fact]
    public void OpenVoting_WithoutNominations_IsRefused() =>
        Assert.Equal("cycle.no_nominations", Fresh().OpenVoting(0, "s", "c", Now).Problem!.Code);

    [Fact]
    public void Announce_DifferentPickAfterAnnouncement_IsRefused()
    {
        var announced = Fresh().OpenVoting(1, "s", "c", Now).Value.Announce(NominationId.New(), Now).Value;
        Assert.False(announced.Announce(NominationId.New(), Now).IsSuccess);
    }

    [Fact]
    public void Announce_BeforeVoting_IsRefused() =>
        Assert.False(Fresh().Announce(NominationId.New(), Now).IsSuccess);

    [Fact]
    public void Close_BeforeAnnouncement_IsRefused() =>
        Assert.False(Fresh().Close(Now).IsSuccess);

    [Fact]
    public void WrongPhase_VoteWhileNominating_SaysWhenVotingOpensInTheTracksZone()
    {
        var cycle = Fresh() with { VotingOpensAt = new DateTimeOffset(2026, 11, 5, 17, 0, 0, TimeSpan.Zero) };
        var problem = cycle.WrongPhase(CycleActions.Vote, "Film Night", Berlin);
        Assert.Equal("Voting for Film Night hasn't opened yet — it opens Thursday 5 November at 18:00 (Europe/Berlin). Nominations are open now.", problem.Message);
    }

    [Fact]
    public void WrongPhase_NominateWhileVoting_PointsToVote()
    {
        var cycle = Fresh().OpenVoting(1, "s", "c", Now).Value;
        Assert.Contains("Cast your vote with /vote", cycle.WrongPhase(CycleActions.Nominate, "Film Night", Berlin).Message, StringComparison.Ordinal);
    }
}
