using ListeningClub.Application.History;
using ListeningClub.Application.Tests.Fakes;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;

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

    [Fact]
    public async Task Seasons_AreCalendarYearsInTheTracksZone_AndEachHasItsOwnMostDivisivePick()
    {
        var club = new ClubFixture();
        var track = await club.FilmTrackAsync(); // Europe/Berlin
        var heat = await PickAndRateAsync(club, track, "Heat", [6, 7, 8], revealAt: new DateTimeOffset(2026, 12, 20, 12, 0, 0, TimeSpan.Zero));
        var alien = await PickAndRateAsync(club, track, "Alien", [1, 10, 5], revealAt: new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero)); // 00:30 on 1 January in Berlin
        var ran = await PickAndRateAsync(club, track, "Ran", [2, 9, 9], revealAt: new DateTimeOffset(2027, 1, 10, 12, 0, 0, TimeSpan.Zero));
        await PickAndRateAsync(club, track, "Tampopo", [1, 10], revealAt: null); // sealed: in no season

        var history = await Query(club).TrackAsync(track, withBallots: false, None);
        CycleHistory Of(string title) => history.Cycles.Single(c => c.Pick?.Media.Title == title);

        Assert.Equal([2026, 2027, 2027, null], new[] { "Heat", "Alien", "Ran", "Tampopo" }.Select(t => history.SeasonOf(Of(t))));
        Assert.Equal(heat, history.MostDivisiveOf(2026)!.Value.Cycle.Cycle.Id);
        Assert.Equal(alien, history.MostDivisiveOf(2027)!.Value.Cycle.Cycle.Id); // ±3.7 beats Ran's ±3.3
        Assert.NotEqual(ran, alien);
        Assert.Null(history.MostDivisiveOf(2025));
    }

    private static async Task<CycleId> PickAndRateAsync(ClubFixture club, Track track, string title, int[] scores, DateTimeOffset? revealAt)
    {
        var nomination = await club.NominateAsync(track, 1, title);
        await club.Voting.OpenVotingAsync(track, None);
        await club.Voting.CastAsync(track, 7, [nomination.Id], None);
        var cycle = (await club.Voting.CloseAndAnnounceAsync(track, None)).Value.Cycle;
        for (var i = 0; i < scores.Length; i++)
        {
            Assert.True((await club.Ratings.RateAsync(track, 100 + (ulong)i, scores[i], null, None)).IsSuccess);
        }

        if (revealAt is { } at)
        {
            club.Time.SetUtcNow(at);
            Assert.True((await club.Ratings.RevealAsync(track, cycle.Id, None)).IsSuccess);
        }

        await club.Cycles.StartNextAsync(track, None);
        return cycle.Id;
    }

    private static ClubHistoryQuery Query(ClubFixture club) =>
        new(club.Store, club.Store, club.Store, club.Store, club.Store, club.Store, club.Store);
}
