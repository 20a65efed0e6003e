using ListeningClub.Application.Tests.Fakes;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Prompts;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Application.Tests.Clubs;

public sealed class ClubLifecycleTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task WholeCycle_NominateVoteAnnounceRateReveal()
    {
        var club = new ClubFixture();
        var track = await club.FilmTrackAsync(new TrackRules { VotingMethod = VotingMethod.InstantRunoff, CarryOverCycles = 1 });
        var alien = await club.NominateAsync(track, 1, "Alien", 1979);
        var heat = await club.NominateAsync(track, 2, "Heat", 1995);
        var ran = await club.NominateAsync(track, 3, "Ran", 1985);

        var opened = await club.Voting.OpenVotingAsync(track, None);
        Assert.True(opened.IsSuccess);
        Assert.Equal(TieBreakSeed.FromHex(opened.Value.TieBreakSeedHex!).Commitment, opened.Value.TieBreakCommitment);

        Assert.True((await club.Voting.CastAsync(track, 1, [alien.Id, heat.Id], None)).IsSuccess);
        Assert.True((await club.Voting.CastAsync(track, 2, [ran.Id], None)).IsSuccess);
        Assert.True((await club.Voting.CastAsync(track, 3, [ran.Id, heat.Id], None)).IsSuccess);
        Assert.True((await club.Voting.CastAsync(track, 2, [heat.Id, ran.Id], None)).IsSuccess); // replaces member 2's ballot
        Assert.Equal([heat.Id, ran.Id], (await club.Voting.GetBallotAsync(track, 2, None)).Ballot!.Choices);

        club.Time.Advance(TimeSpan.FromDays(1));
        var outcome = (await club.Voting.CloseAndAnnounceAsync(track, None)).Value;

        // Round 1: Alien 1, Heat 1, Ran 1 — a three-way tie for last, broken by the seed; whoever survives, three ballots count.
        Assert.Equal(3, outcome.Tally.BallotCount);
        Assert.Equal(CyclePhase.Announced, outcome.Cycle.Phase);
        Assert.Equal(outcome.Tally.Winner, outcome.Pick.NominationId.ToString());
        Assert.Equal(opened.Value.TieBreakSeedHex, outcome.Pick.TieBreakSeedHex);
        Assert.True(outcome.Pick.TieBroken);

        // Announcing again is the same outcome, not a second pick.
        var again = (await club.Voting.CloseAndAnnounceAsync(track, None)).Value;
        Assert.Equal(outcome.Pick, again.Pick);
        Assert.Equal(outcome.Tally.Winner, again.Tally.Winner);

        // Voting is over.
        Assert.Equal("cycle.wrong_phase", (await club.Voting.CastAsync(track, 4, [alien.Id], None)).Problem!.Code);

        // Ratings are sealed and changeable until the reveal.
        Assert.True((await club.Ratings.RateAsync(track, 1, 6, null, None)).IsSuccess);
        Assert.True((await club.Ratings.RateAsync(track, 1, 8, "Better the second time", None)).IsSuccess);
        Assert.True((await club.Ratings.RateAsync(track, 2, 4, null, None)).IsSuccess);

        // The next cycle starts; members can still rate last week's pick until the reveal.
        var next = (await club.Cycles.StartNextAsync(track, None)).Value;
        Assert.Equal(2, next.Number);
        var carried = (await club.Nominations.ListCurrentAsync(track, None)).Nominations;
        Assert.Equal(2, carried.Count);
        Assert.DoesNotContain(carried, n => n.Media.Title == outcome.Pick.Media.Title);
        Assert.True((await club.Ratings.RateAsync(track, 3, 10, null, None)).IsSuccess);

        var reveal = (await club.Ratings.RevealAsync(track, outcome.Cycle.Id, None)).Value;
        Assert.Equal(3, reveal.Summary!.Count);
        Assert.Equal(22.0 / 3, reveal.Summary.Mean, 10);
        Assert.Equal("Better the second time", reveal.Ratings.Single(r => r.MemberId == 1).Review);
        Assert.Equal("cycle.wrong_phase", (await club.Ratings.RateAsync(track, 4, 5, null, None)).Problem!.Code);
    }

    [Fact]
    public async Task Recount_FromStoredBallotsAndSeed_GivesTheAnnouncedWinner()
    {
        var club = new ClubFixture();
        var track = await club.FilmTrackAsync(new TrackRules { VotingMethod = VotingMethod.Schulze });
        var a = await club.NominateAsync(track, 1, "Alien");
        var b = await club.NominateAsync(track, 2, "Brazil");
        await club.Voting.OpenVotingAsync(track, None);
        await club.Voting.CastAsync(track, 1, [a.Id, b.Id], None);
        await club.Voting.CastAsync(track, 2, [b.Id, a.Id], None);
        var outcome = (await club.Voting.CloseAndAnnounceAsync(track, None)).Value;

        var recount = (await club.Voting.RecountAsync(track, outcome.Cycle, None)).Value;

        Assert.Equal(outcome.Pick.NominationId.ToString(), recount.Tally.Winner);
        Assert.True(outcome.Tally.WinnerDecidedByTieBreak);
        var tie = outcome.Tally.TieBreaks.Single(t => t.Purpose == TieBreakPurpose.Win);
        Assert.True(TieBreakVerifier.Verify(outcome.Pick.TieBreakCommitment, outcome.Pick.TieBreakSeedHex, tie.Tied, tie.Chosen).IsValid);
    }

    [Fact]
    public async Task Veto_DuringVoting_RemovesTheNominationFromTheCount()
    {
        var club = new ClubFixture();
        var track = await club.FilmTrackAsync(new TrackRules { VotingMethod = VotingMethod.Plurality });
        var a = await club.NominateAsync(track, 1, "Alien");
        var b = await club.NominateAsync(track, 2, "Brazil");
        await club.Voting.OpenVotingAsync(track, None);
        await club.Voting.CastAsync(track, 1, [a.Id], None);
        await club.Voting.CastAsync(track, 2, [a.Id], None);
        await club.Voting.CastAsync(track, 3, [b.Id], None);
        Assert.True((await club.Nominations.VetoAsync(track, a.Id, "Not streamable anywhere", None)).IsSuccess);

        var outcome = (await club.Voting.CloseAndAnnounceAsync(track, None)).Value;

        Assert.Equal(b.Id, outcome.Pick.NominationId);
        Assert.Equal(1, outcome.Tally.BallotCount);
    }

    [Fact]
    public async Task OpenVoting_WithNoNominations_SaysSo()
    {
        var club = new ClubFixture();
        var track = await club.FilmTrackAsync();
        Assert.Equal("cycle.no_nominations", (await club.Voting.OpenVotingAsync(track, None)).Problem!.Code);
    }

    [Fact]
    public async Task Nominate_SimultaneousFromOneMember_OnlyOnePassesTheCap()
    {
        var club = new ClubFixture();
        var track = await club.FilmTrackAsync();
        var films = Enumerable.Range(0, 20).Select(i => MediaFactory.Film($"Film {i}", null, null, null).Value).ToList();

        var results = await Task.WhenAll(films.Select(film => Task.Run(() => club.Nominations.NominateAsync(track, 7, film, null, None))));

        Assert.Single(results, r => r.IsSuccess);
        Assert.Single((await club.Nominations.ListCurrentAsync(track, None)).Nominations);
    }

    [Fact]
    public async Task Nominate_ManyMembersAtOnce_EachWithinTheirCap_AndEachTitleOnce()
    {
        var club = new ClubFixture();
        var track = await club.FilmTrackAsync(new TrackRules { NominationCapPerMember = 2 });
        var attempts = Enumerable.Range(0, 400).Select(i => (Member: (ulong)(i % 40) + 1, Film: MediaFactory.Film($"Film {i % 60}", null, null, null).Value));

        var results = await Task.WhenAll(attempts.Select(a => Task.Run(() => club.Nominations.NominateAsync(track, a.Member, a.Film, null, None))));

        var list = (await club.Nominations.ListCurrentAsync(track, None)).Nominations;
        Assert.Equal(results.Count(r => r.IsSuccess), list.Count);
        Assert.All(list.GroupBy(n => n.MemberId), mine => Assert.InRange(mine.Count(), 1, 2));
        Assert.All(list.GroupBy(n => n.Media.IdentityKey), same => Assert.Single(same));
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Contains(r.Problem!.Code, new[] { "nominate.over_cap", "nominate.duplicate" }));
    }

    [Fact]
    public async Task Nominate_TheSameTitleWithAndWithoutAYearAtOnce_IsAcceptedOnce()
    {
        for (var run = 0; run < 20; run++)
        {
            var club = new ClubFixture();
            var track = await club.FilmTrackAsync();
            var titles = new[] { ("alien", (int?)null), ("Alien (1979)", null), ("Alien", 1979), ("ALIEN", null) };

            var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
                club.Nominations.NominateAsync(track, (ulong)i + 1, MediaFactory.Film(titles[i % 4].Item1, titles[i % 4].Item2, null, null).Value, null, None))));

            Assert.Single(results, r => r.IsSuccess);
            Assert.Single((await club.Nominations.ListCurrentAsync(track, None)).Nominations);
        }
    }

    [Fact]
    public async Task NominateWhileVotingOpens_EveryAcceptedNominationIsACandidate()
    {
        var club = new ClubFixture();
        var track = await club.FilmTrackAsync();
        await club.NominateAsync(track, 1000, "Alien");

        var nominations = Enumerable.Range(1, 200).Select(member => Task.Run(() => club.Nominations.NominateAsync(track, (ulong)member, MediaFactory.Film($"Film {member}", null, null, null).Value, null, None))).ToList();
        var open = Task.Run(() => club.Voting.OpenVotingAsync(track, None));
        var results = await Task.WhenAll(nominations);
        Assert.True((await open).IsSuccess);

        var candidates = (await club.Nominations.ListCurrentAsync(track, None)).Nominations;
        Assert.Equal(results.Count(r => r.IsSuccess) + 1, candidates.Count);
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal("cycle.wrong_phase", r.Problem!.Code));
    }

    [Fact]
    public async Task CloseDuringABallotBurst_EveryAcknowledgedBallotIsCounted()
    {
        var club = new ClubFixture();
        var track = await club.FilmTrackAsync(new TrackRules { VotingMethod = VotingMethod.Plurality });
        var a = await club.NominateAsync(track, 1, "Alien");
        await club.Voting.OpenVotingAsync(track, None);

        var casts = Enumerable.Range(1, 300).Select(member => Task.Run(() => club.Voting.CastAsync(track, (ulong)member, [a.Id], None))).ToList();
        var close = Task.Run(() => club.Voting.CloseAndAnnounceAsync(track, None));
        var results = await Task.WhenAll(casts);
        var outcome = (await close).Value;

        Assert.Equal(results.Count(r => r.IsSuccess), outcome.Tally.BallotCount);
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal("cycle.wrong_phase", r.Problem!.Code));
    }

    [Fact]
    public async Task SetupTrack_SeedsTheDefaultDeckAndStartsTheFirstCycle()
    {
        var club = new ClubFixture();
        var track = await club.FilmTrackAsync();
        Assert.Equal(DefaultPrompts.Film.Count, (await club.Prompts.ListAsync(track, None)).Count);
        Assert.Equal(1, (await club.CurrentCycleAsync(track)).Number);

        var edited = await club.Clubs.SetupTrackAsync(ClubFixture.Guild, "film night", MediaKind.Film, 555, "America/New_York", TrackRules.Default, None);
        Assert.Equal(track.Id, edited.Value.Id);
        Assert.Equal(555ul, edited.Value.ChannelId);
        var kindChange = await club.Clubs.SetupTrackAsync(ClubFixture.Guild, "Film Night", MediaKind.Album, 555, "UTC", TrackRules.Default, None);
        Assert.Equal("track.kind_change", kindChange.Problem!.Code);
    }

    [Fact]
    public async Task Prompts_SuggestedByMembersAreDrawnToo()
    {
        var club = new ClubFixture();
        var track = await club.FilmTrackAsync();
        var suggestion = (await club.Prompts.AddAsync(track, "Which character changed the most, and what changed them?", PromptSource.Member, 7, None)).Value;

        var drawn = new List<Prompt>();
        for (var i = 0; i < DefaultPrompts.Film.Count + 1; i++)
        {
            drawn.Add((await club.Prompts.DrawAsync(track, None)).Value);
        }

        Assert.Contains(drawn, p => p.Id == suggestion.Id);
        Assert.Equal(drawn.Count, drawn.Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public async Task Withdraw_ThenNominateSomethingElse_Works()
    {
        var club = new ClubFixture();
        var track = await club.FilmTrackAsync();
        var first = await club.NominateAsync(track, 7, "Alien");
        Assert.True((await club.Nominations.WithdrawAsync(track, 7, first.Id, None)).IsSuccess);
        await club.NominateAsync(track, 7, "Heat");
        Assert.Equal(["Heat"], (await club.Nominations.ListCurrentAsync(track, None)).Nominations.Select(n => n.Media.Title));
    }

    [Fact]
    public async Task PastPick_CannotBeNominatedAgainNextCycle()
    {
        var club = new ClubFixture();
        var track = await club.FilmTrackAsync();
        var alien = await club.NominateAsync(track, 7, "Alien", 1979);
        await club.Voting.OpenVotingAsync(track, None);
        await club.Voting.CastAsync(track, 7, [alien.Id], None);
        await club.Voting.CloseAndAnnounceAsync(track, None);
        await club.Cycles.StartNextAsync(track, None);

        var again = await club.Nominations.NominateAsync(track, 8, MediaFactory.Film("ALIEN (1979)", null, null, null).Value, null, None);

        Assert.Equal("nominate.past_pick", again.Problem!.Code);
        Assert.Single(await ((IPickRepository)club.Store).ListByTrackAsync(track.Id, None));
    }
}
