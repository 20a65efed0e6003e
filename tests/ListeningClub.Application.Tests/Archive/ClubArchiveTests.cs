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
        using var archives = new ClubArchiveService(club.Store, new TrackLocks());
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
    public async Task PublicName_ReplacesTheUnlistedLink_IsRefusedWhenMalformedOrTaken_AndRotatingMakesItUnlistedAgain()
    {
        var club = new ClubFixture();
        await club.FilmTrackAsync();
        await club.Clubs.SetupTrackAsync(ClubFixture.Guild + 1, "Album Club", Domain.Media.MediaKind.Album, ClubFixture.Channel + 1, "Europe/Berlin", Domain.Clubs.TrackRules.Default, None);
        using var archives = new ClubArchiveService(club.Store, new TrackLocks());
        var query = Query(club);
        var unlisted = (await archives.TurnOnAsync(ClubFixture.Guild, None)).Value.ArchiveSlug!;

        var named = await archives.UsePublicNameAsync(ClubFixture.Guild, "film-night-berlin", None);

        Assert.Equal("film-night-berlin", named.Value.ArchiveSlug);
        Assert.True(ClubArchiveService.IsPublicName(named.Value.ArchiveSlug));
        Assert.False(ClubArchiveService.IsPublicName(unlisted));
        Assert.Null(await query.FindAsync(unlisted, None));
        Assert.Equal("Film Night", (await query.FindAsync("film-night-berlin", None))!.Tracks.Single().Track.Name);
        Assert.Equal("film-night-berlin", (await archives.TurnOnAsync(ClubFixture.Guild, None)).Value.ArchiveSlug); // on keeps it
        foreach (var bad in new[] { "", "ab", "Film-Night", "film night", "-film", "film-", "film--night", "film_night", new string('a', 41), "фильм" })
        {
            Assert.Equal("archive.name", (await archives.UsePublicNameAsync(ClubFixture.Guild + 1, bad, None)).Problem?.Code);
        }

        Assert.Equal("archive.taken", (await archives.UsePublicNameAsync(ClubFixture.Guild + 1, "film-night-berlin", None)).Problem?.Code);
        Assert.Null((await ((Domain.Clubs.IClubRepository)club.Store).GetAsync(ClubFixture.Guild + 1, None))!.ArchiveSlug); // a refusal changes nothing

        var rotated = (await archives.RotateLinkAsync(ClubFixture.Guild, None)).Value.ArchiveSlug!;
        Assert.False(ClubArchiveService.IsPublicName(rotated));
        Assert.Null(await query.FindAsync("film-night-berlin", None));
        Assert.True((await archives.UsePublicNameAsync(ClubFixture.Guild + 1, "film-night-berlin", None)).IsSuccess); // free again
    }

    [Fact]
    public async Task PublicName_TwoClubsClaimingOneNameAtOnce_OnlyOneGetsIt()
    {
        var club = new ClubFixture();
        var guilds = Enumerable.Range(0, 8).Select(i => ClubFixture.Guild + (ulong)i).ToList();
        foreach (var guild in guilds)
        {
            await club.Clubs.SetupTrackAsync(guild, "Film Night", Domain.Media.MediaKind.Film, ClubFixture.Channel + guild, "Europe/Berlin", Domain.Clubs.TrackRules.Default, None);
        }

        using var archives = new ClubArchiveService(club.Store, new TrackLocks());
        var claims = await Task.WhenAll(guilds.Select(guild => Task.Run(() => archives.UsePublicNameAsync(guild, "the-club", None))));

        Assert.Equal(1, claims.Count(c => c.IsSuccess));
        Assert.Equal(7, claims.Count(c => c.Problem?.Code == "archive.taken"));
    }

    [Fact]
    public async Task Archive_NoClub_IsAProblem_AndJunkSlugsFindNothing()
    {
        var club = new ClubFixture();
        using var archives = new ClubArchiveService(club.Store, new TrackLocks());

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
        using var archives = new ClubArchiveService(club.Store, new TrackLocks());
        var slug = (await archives.TurnOnAsync(ClubFixture.Guild, None)).Value.ArchiveSlug!;

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
