using ListeningClub.Application.History;
using ListeningClub.Application.Tests.Fakes;

namespace ListeningClub.Application.Tests.History;

public sealed class ClubHistoryQueryTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task History_KeepsWhatIsStillSecret_OutUntilItIsPublic()
    {
        var club = new ClubFixture();
        var track = await club.FilmTrackAsync();
        var alien = await club.NominateAsync(track, 1, "Alien");
        await club.NominateAsync(track, 2, "Heat");
        await club.Voting.OpenVotingAsync(track, None);
        await club.Voting.CastAsync(track, 7, [alien.Id], None);
        var first = (await club.Voting.CloseAndAnnounceAsync(track, None)).Value.Cycle;
        await club.Ratings.RateAsync(track, 7, 9, "sealed until the reveal", None);

        await club.Cycles.StartNextAsync(track, None);
        var second = await club.NominateAsync(track, 3, "Ran");
        await club.NominateAsync(track, 4, "Tampopo");
        await club.Voting.OpenVotingAsync(track, None);
        await club.Voting.CastAsync(track, 8, [second.Id], None);

        var before = await Query(club).GetAsync(ClubFixture.Guild, None);
        var cycles = before!.Tracks.Single().Cycles;
        Assert.Equal(first.TieBreakSeedHex, cycles[0].TieBreakSeedHex);
        Assert.Equal([7ul], cycles[0].Ballots!.Select(b => b.MemberId));
        Assert.Null(cycles[0].Ratings);
        Assert.Null(cycles[1].TieBreakSeedHex); // the open vote's seed would let anyone predict its tie-breaks
        Assert.Null(cycles[1].Ballots);
        Assert.Empty(before.Tracks.Single().RevealedRatings);

        await club.Ratings.RevealAsync(track, first.Id, None);
        var after = (await Query(club).GetAsync(ClubFixture.Guild, None))!.Tracks.Single();
        Assert.Equal([9], after.RevealedRatings.Select(r => r.Score));
        Assert.Equal(["Alien"], after.Picks.Select(p => p.Media.Title));
        Assert.Equal(4, after.Nominations.Count(n => n.CarriedOver == 0));
    }

    [Fact]
    public async Task TrackHistory_WithoutBallots_LeavesThemOut_AndAServerWithoutAClubHasNoHistory()
    {
        var club = new ClubFixture();
        var track = await club.FilmTrackAsync();
        var alien = await club.NominateAsync(track, 1, "Alien");
        await club.Voting.OpenVotingAsync(track, None);
        await club.Voting.CastAsync(track, 7, [alien.Id], None);
        await club.Voting.CloseAndAnnounceAsync(track, None);

        var history = await Query(club).TrackAsync(track, withBallots: false, None);

        Assert.Null(history.Cycles.Single().Ballots);
        Assert.NotNull(history.Cycles.Single().TieBreakSeedHex);
        Assert.Null(await Query(club).GetAsync(ClubFixture.Guild + 1, None));
    }

    private static ClubHistoryQuery Query(ClubFixture club) =>
        new(club.Store, club.Store, club.Store, club.Store, club.Store, club.Store, club.Store);
}
