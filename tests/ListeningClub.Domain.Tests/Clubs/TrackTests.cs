using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Media;

namespace ListeningClub.Domain.Tests.Clubs;

public sealed class TrackTests
{
    [Fact]
    public void Create_UnknownTimeZone_NamesExamples()
    {
        var track = Track.Create(1, "Film Night", MediaKind.Film, 2, "Mars/Olympus_Mons");
        Assert.False(track.IsSuccess);
        Assert.Contains("\"Mars/Olympus_Mons\" is not a time zone", track.Problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Defaults_AreOneNominationNoCarryOverNoPastPicks()
    {
        var track = Track.Create(1, "Album Club", MediaKind.Album, 2, "America/New_York").Value;
        Assert.Equal(1, track.Rules.NominationCapPerMember);
        Assert.Equal(0, track.Rules.CarryOverCycles);
        Assert.False(track.Rules.AllowPastPicks);
        Assert.Equal("America/New_York", track.TimeZone.Id);
    }

    [Theory]
    [InlineData(0, 0, 3)]
    [InlineData(11, 0, 3)]
    [InlineData(1, -1, 3)]
    [InlineData(1, 0, 0)]
    [InlineData(1, 0, 11)]
    public void Create_RulesOutOfRange_AreRejected(int cap, int carryOver, int ballotSize)
    {
        var rules = new TrackRules { NominationCapPerMember = cap, CarryOverCycles = carryOver, BallotSize = ballotSize };
        Assert.False(Track.Create(1, "Film Night", MediaKind.Film, 2, "UTC", rules).IsSuccess);
    }

    [Fact]
    public void Create_NameTooLong_IsRejected() =>
        Assert.False(Track.Create(1, new string('n', 51), MediaKind.Film, 2, "UTC").IsSuccess);
}
