using ListeningClub.Application.Archive;
using ListeningClub.Application.History;
using ListeningClub.Application.Locks;
using ListeningClub.Application.Tests.Fakes;

namespace ListeningClub.Application.Tests.Archive;

public sealed class ClubArchiveTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Archive_OnGivesAnUnguessableLink_RotateReplacesIt_OffForgetsIt_AndOnlyTheCurrentSlugFindsTheClub()
    {
        var club = new ClubFixture();
        await club.FilmTrackAsync();
        var archives = new ClubArchiveService(club.Store, new TrackLocks());
        var query = Query(club);

        Assert.Equal("archive.off", (await archives.RotateLinkAsync(ClubFixture.Guild, None)).Problem?.Code);
        var first = (await archives.TurnOnAsync(ClubFixture.Guild, None)).Value.ArchiveSlug!;
        Assert.Equal(first, (await archives.TurnOnAsync(ClubFixture.Guild, None)).Value.ArchiveSlug);
        var second = (await archives.RotateLinkAsync(ClubFixture.Guild, None)).Value.ArchiveSlug!;

        Assert.Equal(27, first.Length); // 160 bits in base64url, no padding
        Assert.Matches("^[A-Za-z0-9_-]+$", second);
        Assert.NotEqual(first, second);
        Assert.Null(await query.FindAsync(first, None));
        Assert.Equal("Film Night", (await query.FindAsync(second, None))!.Tracks.Single().Track.Name);

        Assert.Null((await archives.TurnOffAsync(ClubFixture.Guild, None)).Value.ArchiveSlug);
        Assert.Null(await query.FindAsync(second, None));
        Assert.NotEqual(second, (await archives.TurnOnAsync(ClubFixture.Guild, None)).Value.ArchiveSlug);
    }

    [Fact]
    public async Task Archive_NoClub_IsAProblem_AndJunkSlugsFindNothing()
    {
        var club = new ClubFixture();
        var archives = new ClubArchiveService(club.Store, new TrackLocks());

        Assert.Equal("club.none", (await archives.TurnOnAsync(ClubFixture.Guild, None)).Problem?.Code);
        foreach (var junk in new[] { "", "short", new string('a', 65), "../../etc/passwd-aaaaaaaaaaaaaaaa", "AAAAAAAAAAAAAAAAAAAAAAAAAAA" })
        {
            Assert.Null(await Query(club).FindAsync(junk, None));
        }
    }

    [Fact]
    public async Task ArchiveHistory_LeavesIndividualBallotsOut_EvenAfterTheAnnouncement()
    {
        var club = new ClubFixture();
        var track = await club.FilmTrackAsync();
        var alien = await club.NominateAsync(track, 1, "Alien");
        await club.Voting.OpenVotingAsync(track, None);
        await club.Voting.CastAsync(track, 7, [alien.Id], None);
        await club.Voting.CloseAndAnnounceAsync(track, None);
        var slug = (await new ClubArchiveService(club.Store, new TrackLocks()).TurnOnAsync(ClubFixture.Guild, None)).Value.ArchiveSlug!;

        var cycle = (await Query(club).FindAsync(slug, None))!.Tracks.Single().Cycles.Single();

        Assert.Equal("Alien", cycle.Pick!.Media.Title);
        Assert.NotNull(cycle.TieBreakSeedHex);
        Assert.Null(cycle.Ballots);
        var count = await Query(club).CountAsync(track, cycle.Cycle, None);
        Assert.Equal(alien.CandidateId, count!.Winner);
        Assert.Equal(1, count.BallotCount);
    }

    private static ArchiveQuery Query(ClubFixture club) =>
        new(club.Store, new ClubHistoryQuery(club.Store, club.Store, club.Store, club.Store, club.Store, club.Store, club.Store), club.Voting);
}
