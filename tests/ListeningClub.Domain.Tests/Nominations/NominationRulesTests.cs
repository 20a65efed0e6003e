using CsCheck;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Nominations;

namespace ListeningClub.Domain.Tests.Nominations;

public sealed class NominationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Track Films = Track.Create(1, "Film Night", MediaKind.Film, 10, "UTC").Value;
    private static readonly MediaItem[] NoPastPicks = [];

    private static Film FilmOf(string title, int? year = null) => MediaFactory.Film(title, year, null, null).Value;

    private static Nomination Nominate(Cycle cycle, IReadOnlyCollection<Nomination> list, ulong member, MediaItem media, Track? track = null, IReadOnlyCollection<MediaItem>? past = null) =>
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
        MediaItem[] past = [alien];
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

    [Fact]
    public void Nominate_TitleWithoutAYear_IsTheSameTitleNominatedWithAYear_AndSaysWhy()
    {
        var cycle = Cycle.Start(Films.Id, 1, Now);
        var first = Nominate(cycle, [], 7, FilmOf("Alien (1979)"));

        var duplicate = NominationRules.Nominate(Films, cycle, [first], NoPastPicks, 8, FilmOf("alien"), null, Now);

        Assert.Equal("nominate.duplicate", duplicate.Problem!.Code);
        Assert.Equal("Alien (1979) is already nominated this cycle (by <@7>). \"alien\" has no year, so it is taken to be that film; if you mean another one, nominate it again with its year.", duplicate.Problem.Message);
        Assert.True(NominationRules.Nominate(Films, cycle, [first], NoPastPicks, 8, FilmOf("Alien", 1992), null, Now).IsSuccess);
    }

    [Fact]
    public void Nominate_TitleWithAYear_IsTheSameTitleNominatedWithoutOne()
    {
        var cycle = Cycle.Start(Films.Id, 1, Now);
        var first = Nominate(cycle, [], 7, FilmOf("Alien"));

        var duplicate = NominationRules.Nominate(Films, cycle, [first], NoPastPicks, 8, FilmOf("Alien", 1979), null, Now);

        Assert.Equal("nominate.duplicate", duplicate.Problem!.Code);
        Assert.Contains("Alien is already nominated this cycle (by <@7>), without a year, so it is taken to be Alien (1979).", duplicate.Problem.Message, StringComparison.Ordinal);
        Assert.Contains("<@7> can withdraw it", duplicate.Problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nominate_TitleWithoutAYear_MatchesAPastPickWithAYear()
    {
        var cycle = Cycle.Start(Films.Id, 2, Now);
        MediaItem[] past = [FilmOf("Alien", 1979)];

        var refused = NominationRules.Nominate(Films, cycle, [], past, 7, FilmOf("ALIEN"), null, Now);

        Assert.Equal("nominate.past_pick", refused.Problem!.Code);
        Assert.StartsWith("Alien (1979) was already a pick in Film Night. \"ALIEN\" has no year, so it is taken to be that film", refused.Problem.Message, StringComparison.Ordinal);
        var lenient = Films with { Rules = Films.Rules with { AllowPastPicks = true } };
        Assert.True(NominationRules.Nominate(lenient, cycle, [], past, 7, FilmOf("ALIEN"), null, Now).IsSuccess);
    }

    [Fact]
    public void Nominate_TitleWithoutAYear_WhenTwoYearsOfItAreKnown_AsksWhichOneRatherThanGuess()
    {
        var cycle = Cycle.Start(Films.Id, 3, Now);
        var nominated = Nominate(cycle, [], 7, FilmOf("Dune", 2021));
        MediaItem[] past = [FilmOf("Dune (1984)")];

        var which = NominationRules.Nominate(Films, cycle, [nominated], past, 8, FilmOf("dune"), null, Now);

        Assert.Equal("nominate.which_one", which.Problem!.Code);
        Assert.Equal("Which dune do you mean? Dune (1984) was already a pick; Dune (2021) is already nominated this cycle (by <@7>). To nominate another dune, nominate it again with its year.", which.Problem.Message);
        Assert.True(NominationRules.Nominate(Films, cycle, [nominated], past, 8, FilmOf("Dune", 2000), null, Now).IsSuccess);
    }

    [Fact]
    public void Nominate_TwoYearsOfATitleBothNominated_TheTitleWithoutAYearNamesBoth()
    {
        var cycle = Cycle.Start(Films.Id, 1, Now);
        var old = Nominate(cycle, [], 7, FilmOf("The Thing", 1982));
        var remake = Nominate(cycle, [old], 8, FilmOf("The Thing", 2011));

        var which = NominationRules.Nominate(Films, cycle, [old, remake], NoPastPicks, 9, FilmOf("Thing, The"), null, Now);

        Assert.Equal("nominate.which_one", which.Problem!.Code);
        Assert.Contains("The Thing (1982) is already nominated this cycle (by <@7>); The Thing (2011) is already nominated this cycle (by <@8>)", which.Problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nominate_AnySequenceOfTitles_NeverLeavesTwoNominationsOfTheSameFilm_AndRefusesOnlyWhatMatches()
    {
        var film =
            from title in Gen.OneOf("Alien", "alien", "Aliens", "The Thing", "Thing, The", "Dune", "Dune 1984", "Dune (2021)")
            from year in Gen.Int[1980, 1986].Nullable()
            select MediaFactory.Film(title, year, null, null) is { IsSuccess: true } typed ? typed.Value : FilmOf(title); // "Dune (2021)" with 1984 asks which year
        film.Array[1, 12].Sample(films =>
        {
            var cycle = Cycle.Start(Films.Id, 1, Now);
            var list = new List<Nomination>();
            foreach (var (media, member) in films.Select((f, i) => (f, (ulong)i + 1)))
            {
                var result = NominationRules.Nominate(Films, cycle, list, NoPastPicks, member, media, null, Now);
                Assert.Equal(list.Exists(n => IdentityKeys.SameWork(n.Key, media.IdentityKey)), !result.IsSuccess);
                if (result.IsSuccess)
                {
                    list.Add(result.Value);
                }
            }

            Assert.All(list, a => Assert.Single(list, b => IdentityKeys.SameWork(a.Key, b.Key)));
        });
    }
}
