using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Nominations;

namespace ListeningClub.Domain.Tests.Nominations;

public sealed class NominationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Track Films = Track.Create(1, "Film Night", MediaKind.Film, 10, "UTC").Value;
    private static readonly HashSet<string> NoPastPicks = [];

    private static Film FilmOf(string title, int? year = null) => MediaFactory.Film(title, year, null, null).Value;

    private static Nomination Nominate(Cycle cycle, IReadOnlyCollection<Nomination> list, ulong member, MediaItem media, Track? track = null, IReadOnlySet<string>? past = null) =>
        NominationRules.Nominate(track ?? Films, cycle, list, past ?? NoPastPicks, member, media, null, Now).Value;

    [Fact]
    public void Nominate_SecondNominationSameCycle_IsRejected()
    {
        var cycle = Cycle.Start(Films.Id, 1, Now);
        var first = Nominate(cycle, [], 7, FilmOf("Alien", 1979));
        var second = NominationRules.Nominate(Films, cycle, [first], NoPastPicks, 7, FilmOf("Aliens", 1986), null, Now);
        Assert.Equal("nominate.over_cap", second.Problem!.Code);
        Assert.Contains("the limit is 1", second.Problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nominate_CapOfTwo_AllowsTwo()
    {
        var track = Films with { Rules = Films.Rules with { NominationCapPerMember = 2 } };
        var cycle = Cycle.Start(track.Id, 1, Now);
        var first = Nominate(cycle, [], 7, FilmOf("Alien", 1979), track);
        Assert.True(NominationRules.Nominate(track, cycle, [first], NoPastPicks, 7, FilmOf("Aliens", 1986), null, Now).IsSuccess);
    }

    [Fact]
    public void Nominate_SameFilmWrittenDifferently_NamesWhoNominatedItFirst()
    {
        var cycle = Cycle.Start(Films.Id, 1, Now);
        var first = Nominate(cycle, [], 7, FilmOf("The Blues Brothers (1980)"));
        var duplicate = NominationRules.Nominate(Films, cycle, [first], NoPastPicks, 8, FilmOf("blues brothers, the  1980"), null, Now);
        Assert.Equal("nominate.duplicate", duplicate.Problem!.Code);
        Assert.Contains("by <@7>", duplicate.Problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nominate_WithdrawnFilm_CanBeNominatedAgain()
    {
        var cycle = Cycle.Start(Films.Id, 1, Now);
        var withdrawn = Nominate(cycle, [], 7, FilmOf("Alien", 1979)) with { Status = NominationStatus.Withdrawn };
        Assert.True(NominationRules.Nominate(Films, cycle, [withdrawn], NoPastPicks, 8, FilmOf("Alien", 1979), null, Now).IsSuccess);
    }

    [Fact]
    public void Nominate_PastPick_IsRejectedUnlessAllowed()
    {
        var cycle = Cycle.Start(Films.Id, 2, Now);
        var alien = FilmOf("Alien", 1979);
        var past = new HashSet<string> { alien.IdentityKey };
        var refused = NominationRules.Nominate(Films, cycle, [], past, 7, alien, null, Now);
        Assert.Equal("nominate.past_pick", refused.Problem!.Code);

        var lenient = Films with { Rules = Films.Rules with { AllowPastPicks = true } };
        Assert.True(NominationRules.Nominate(lenient, cycle, [], past, 7, alien, null, Now).IsSuccess);
    }

    [Fact]
    public void Nominate_AlbumOnFilmTrack_SaysWhichCommandToUse()
    {
        var album = MediaFactory.Album("Blue", "Joni Mitchell", 1971, null).Value;
        var result = NominationRules.Nominate(Films, Cycle.Start(Films.Id, 1, Now), [], NoPastPicks, 7, album, null, Now);
        Assert.Contains("/nominate film", result.Problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nominate_WhileVoting_IsRejectedWithTheReason()
    {
        var voting = Cycle.Start(Films.Id, 1, Now).OpenVoting(1, "s", "c", Now).Value;
        var result = NominationRules.Nominate(Films, voting, [], NoPastPicks, 7, FilmOf("Alien"), null, Now);
        Assert.Equal("cycle.wrong_phase", result.Problem!.Code);
    }

    [Fact]
    public void Nominate_PitchTooLong_IsRejected()
    {
        var result = NominationRules.Nominate(Films, Cycle.Start(Films.Id, 1, Now), [], NoPastPicks, 7, FilmOf("Alien"), new string('p', 501), Now);
        Assert.Contains("pitch", result.Problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Withdraw_SomeoneElsesNomination_IsRejected()
    {
        var cycle = Cycle.Start(Films.Id, 1, Now);
        var mine = Nominate(cycle, [], 7, FilmOf("Alien"));
        Assert.Equal("withdraw.not_yours", NominationRules.Withdraw(Films, cycle, mine, 8).Problem!.Code);
        Assert.Equal(NominationStatus.Withdrawn, NominationRules.Withdraw(Films, cycle, mine, 7).Value.Status);
    }

    [Fact]
    public void Veto_NeedsAReasonAndWorksWhileVoting()
    {
        var cycle = Cycle.Start(Films.Id, 1, Now);
        var nomination = Nominate(cycle, [], 7, FilmOf("Alien"));
        Assert.False(NominationRules.Veto(cycle, nomination, "  ").IsSuccess);
        var voting = cycle.OpenVoting(1, "s", "c", Now).Value;
        var vetoed = NominationRules.Veto(voting, nomination, "Nobody can stream it").Value;
        Assert.Equal(NominationStatus.Vetoed, vetoed.Status);
        Assert.Equal("Nobody can stream it", vetoed.VetoReason);
    }

    [Fact]
    public void CarryOver_KeepsUnpickedActiveNominationsForTheConfiguredCycles()
    {
        var track = Films with { Rules = Films.Rules with { CarryOverCycles = 1 } };
        var cycle = Cycle.Start(track.Id, 1, Now);
        var picked = Nominate(cycle, [], 1, FilmOf("Alien"), track);
        var kept = Nominate(cycle, [picked], 2, FilmOf("Heat"), track);
        var withdrawn = Nominate(cycle, [picked, kept], 3, FilmOf("Ran"), track) with { Status = NominationStatus.Withdrawn };
        var announced = cycle.OpenVoting(2, "s", "c", Now).Value.Announce(picked.Id, Now).Value;
        var next = Cycle.Start(track.Id, 2, Now);

        var carried = NominationRules.CarryOver(track, announced, [picked, kept, withdrawn], next, Now);

        var only = Assert.Single(carried);
        Assert.Equal("Heat", only.Media.Title);
        Assert.Equal(next.Id, only.CycleId);
        Assert.Equal(1, only.CarriedOver);
        Assert.Empty(NominationRules.CarryOver(track, announced with { PickId = null }, carried, Cycle.Start(track.Id, 3, Now), Now));
    }

    [Fact]
    public void CarriedOverNominations_DoNotCountAgainstTheCap()
    {
        var track = Films with { Rules = Films.Rules with { CarryOverCycles = 2 } };
        var cycle = Cycle.Start(track.Id, 2, Now);
        var carried = Nominate(cycle, [], 7, FilmOf("Heat"), track) with { CarriedOver = 1 };
        Assert.True(NominationRules.Nominate(track, cycle, [carried], NoPastPicks, 7, FilmOf("Alien"), null, Now).IsSuccess);
    }
}
