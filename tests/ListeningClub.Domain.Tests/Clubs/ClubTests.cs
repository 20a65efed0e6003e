using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Media;

namespace ListeningClub.Domain.Tests.Clubs;

public sealed class ClubTests
{
    private static readonly Track Films = Track.Create(1, "Film Night", MediaKind.Film, 10, "UTC").Value;
    private static readonly Track Docs = Track.Create(1, "Docs", MediaKind.Film, 11, "UTC").Value;
    private static readonly Track Albums = Track.Create(1, "Album Club", MediaKind.Album, 12, "UTC").Value;

    private static Club ClubWith(params Track[] tracks) =>
        tracks.Aggregate(Club.New(1), (club, track) => club.WithTrack(track).Value);

    [Fact]
    public void ResolveTrack_OnlyTrackOfKind_IsChosenWithoutAName() =>
        Assert.Equal(Albums.Id, ClubWith(Films, Docs, Albums).ResolveTrack(null, MediaKind.Album).Value.Id);

    [Fact]
    public void ResolveTrack_SeveralOfKindAndNoName_AsksWhichOne()
    {
        var result = ClubWith(Films, Docs, Albums).ResolveTrack(null, MediaKind.Film);
        Assert.Contains("Film Night, Docs", result.Problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolveTrack_NameIgnoresCase() =>
        Assert.Equal(Docs.Id, ClubWith(Films, Docs).ResolveTrack("docs").Value.Id);

    [Fact]
    public void ResolveTrack_NoTracks_PointsToSetup() =>
        Assert.Contains("/club setup", Club.New(1).ResolveTrack(null).Problem!.Message, StringComparison.Ordinal);

    [Fact]
    public void WithTrack_DuplicateName_IsRejected()
    {
        var twin = Track.Create(1, "FILM NIGHT", MediaKind.Film, 13, "UTC").Value;
        Assert.False(ClubWith(Films).WithTrack(twin).IsSuccess);
    }

    [Fact]
    public void WithTrack_SameId_ReplacesTheTrack()
    {
        var moved = Films with { ChannelId = 99 };
        var club = ClubWith(Films, Albums).WithTrack(moved).Value;
        Assert.Equal(2, club.Tracks.Count);
        Assert.Equal(99ul, club.FindTrack(Films.Id)!.ChannelId);
    }
}
