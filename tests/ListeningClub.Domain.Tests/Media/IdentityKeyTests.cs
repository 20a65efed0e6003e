using CsCheck;
using ListeningClub.Domain.Media;

namespace ListeningClub.Domain.Tests.Media;

public sealed class IdentityKeyTests
{
    [Theory]
    [InlineData("The Blues Brothers (1980)", null, "blues brothers, the  1980", null)]
    [InlineData("The Blues Brothers", 1980, "Blues Brothers, The (1980)", null)]
    [InlineData("Amélie", 2001, "AMELIE", 2001)]
    [InlineData("Schindler's List", 1993, "schindlers list", 1993)]
    [InlineData("Crouching Tiger, Hidden Dragon", 2000, "crouching tiger hidden dragon", 2000)]
    [InlineData("Fast & Furious", null, "fast and furious", null)]
    [InlineData("  Alien\u200B ", 1979, "alien", 1979)]
    public void Film_SameFilmWrittenDifferently_HasSameKey(string title1, int? year1, string title2, int? year2) =>
        Assert.Equal(IdentityKeys.ForFilm(title1, year1), IdentityKeys.ForFilm(title2, year2));

    [Theory]
    [InlineData("The Thing", 1982, "The Thing", 2011)]
    [InlineData("Blade Runner", 1982, "Blade Runner 2049", 2017)]
    [InlineData("Alien", null, "Aliens", null)]
    public void Film_DifferentFilms_HaveDifferentKeys(string title1, int? year1, string title2, int? year2) =>
        Assert.NotEqual(IdentityKeys.ForFilm(title1, year1), IdentityKeys.ForFilm(title2, year2));

    [Fact]
    public void Film_YearInTitleThatIsPartOfTheName_IsKeptWhenAnotherYearIsGiven() =>
        Assert.Equal("film:blade runner 2049:2017", IdentityKeys.ForFilm("Blade Runner 2049", 2017));

    [Fact]
    public void Film_TitleThatIsOnlyAYear_IsNotTakenAsTheYear() =>
        Assert.Equal("film:1917:", IdentityKeys.ForFilm("1917", null));

    [Theory]
    [InlineData("OK Computer", "Radiohead", "ok computer", "RADIOHEAD")]
    [InlineData("The Velvet Underground & Nico", "The Velvet Underground", "Velvet Underground and Nico", "Velvet Underground, The")]
    [InlineData("Homogenic", "Björk", "homogenic", "Bjork")]
    public void Album_SameAlbumWrittenDifferently_HasSameKey(string title1, string artist1, string title2, string artist2) =>
        Assert.Equal(IdentityKeys.ForAlbum(title1, artist1), IdentityKeys.ForAlbum(title2, artist2));

    [Fact]
    public void Album_SameTitleDifferentArtist_HasDifferentKeys() =>
        Assert.NotEqual(IdentityKeys.ForAlbum("Greatest Hits", "Queen"), IdentityKeys.ForAlbum("Greatest Hits", "ABBA"));

    [Fact]
    public void FilmAndAlbum_WithSameTitle_NeverShareAKey() =>
        Assert.NotEqual(IdentityKeys.ForFilm("Purple Rain", 1984), IdentityKeys.ForAlbum("Purple Rain", "Purple Rain"));

    [Theory]
    [InlineData("alien", null, "Alien (1979)", null)]
    [InlineData("Alien", null, "Alien", 1979)]
    [InlineData("ALIEN", null, "Alien 1979", null)]
    [InlineData("The Thing", null, "Thing, The", 1982)]
    public void SameWork_TitleWithoutAYear_MatchesTheSameTitleWithAYear(string title1, int? year1, string title2, int? year2)
    {
        var (key1, key2) = (IdentityKeys.ForFilm(title1, year1), IdentityKeys.ForFilm(title2, year2));
        Assert.NotEqual(key1, key2);
        Assert.True(IdentityKeys.SameWork(key1, key2));
        Assert.True(IdentityKeys.SameWork(key2, key1));
    }

    [Theory]
    [InlineData("The Thing", 1982, "The Thing", 2011)]
    [InlineData("Alien", null, "Aliens", null)]
    [InlineData("Alien", null, "Aliens", 1986)]
    [InlineData("Blade Runner", 1982, "Blade Runner 2049", 2017)]
    [InlineData("Blade Runner", null, "Blade Runner 2049", 2017)]
    public void SameWork_DifferentYearsOrTitles_AreDifferentFilms(string title1, int? year1, string title2, int? year2) =>
        Assert.False(IdentityKeys.SameWork(IdentityKeys.ForFilm(title1, year1), IdentityKeys.ForFilm(title2, year2)));

    [Fact]
    public void SameWork_Albums_MatchOnlyByTheirKey()
    {
        Assert.True(IdentityKeys.SameWork(IdentityKeys.ForAlbum("Blue", "Joni Mitchell"), IdentityKeys.ForAlbum("blue", "joni mitchell")));
        Assert.False(IdentityKeys.SameWork(IdentityKeys.ForAlbum("Blue", "Joni Mitchell"), IdentityKeys.ForAlbum("Blue", "Weezer")));
        Assert.False(IdentityKeys.SameWork(IdentityKeys.ForAlbum("Alien", "Alien"), IdentityKeys.ForFilm("Alien", null)));
    }

    [Fact]
    public void SameWork_IsSymmetric_ReflexiveAndOnlyWithinOneTitleKey_AndTwoKnownYearsMatchOnlyWhenEqual()
    {
        var film =
            from title in Gen.OneOf("Alien", "alien", "Aliens", "The Thing", "Thing, The", "Dune", "Dune 1984", "Dune (2021)", "1917")
            from year in Gen.Int[1970, 1990].Nullable()
            select IdentityKeys.ForFilm(title, year);
        Gen.Select(film, film).Sample((a, b) =>
        {
            Assert.True(IdentityKeys.SameWork(a, a));
            Assert.Equal(IdentityKeys.SameWork(a, b), IdentityKeys.SameWork(b, a));
            if (IdentityKeys.SameWork(a, b))
            {
                Assert.Equal(IdentityKeys.TitleKey(a), IdentityKeys.TitleKey(b));
            }

            if (!IdentityKeys.HasNoYear(a) && !IdentityKeys.HasNoYear(b))
            {
                Assert.Equal(a == b, IdentityKeys.SameWork(a, b));
            }
        });
    }

    [Fact]
    public void CatalogueIds_Decide_WhenBothHaveOne_AndTitlesDecideOtherwise()
    {
        var alien = IdentityKeys.WithCatalogue(IdentityKeys.ForFilm("Alien", 1979), "tmdb:348");
        var alienAgain = IdentityKeys.WithCatalogue(IdentityKeys.ForFilm("Alien", 1979), "tmdb:348");
        var duneOld = IdentityKeys.WithCatalogue(IdentityKeys.ForFilm("Dune", 1984), "tmdb:841");
        var duneNew = IdentityKeys.WithCatalogue(IdentityKeys.ForFilm("Dune", 2021), "tmdb:438631");
        var theThingA = IdentityKeys.WithCatalogue(IdentityKeys.ForFilm("The Thing", 1982), "tmdb:1091");
        var theThingB = IdentityKeys.WithCatalogue(IdentityKeys.ForFilm("The Thing", 1982), "tmdb:99999");

        Assert.Equal("film:alien:1979#tmdb:348", alien);
        Assert.True(IdentityKeys.SameWork(alien, alienAgain));
        Assert.False(IdentityKeys.SameWork(duneOld, duneNew));
        Assert.False(IdentityKeys.SameWork(theThingA, theThingB)); // two films of one title and year: the ids tell them apart

        // A title typed without a catalogue still meets the catalogue's film by its title.
        Assert.True(IdentityKeys.SameWork(IdentityKeys.ForFilm("alien", null), alien));
        Assert.True(IdentityKeys.SameWork(IdentityKeys.ForFilm("Alien (1979)", null), alien));
        Assert.False(IdentityKeys.SameWork(IdentityKeys.ForFilm("Alien", 1986), alien));
        Assert.Equal("film:alien", IdentityKeys.TitleKey(alien));
        Assert.False(IdentityKeys.HasNoYear(alien));
        Assert.Equal(IdentityKeys.ForAlbum("OK Computer", "Radiohead"), IdentityKeys.TitleKey(IdentityKeys.WithCatalogue(IdentityKeys.ForAlbum("OK Computer", "Radiohead"), "musicbrainz:b1392450-e666-3926-a536-22c65f834433")));
    }

    [Fact]
    public void SameWork_WithCatalogueIds_IsSymmetric_AndSameWorksShareTheirTitleLock()
    {
        // A catalogue names each of its ids with one title, as the catalogue writes it.
        var catalogue = new[] { ("Alien", 1979, "tmdb:348"), ("Dune", 1984, "tmdb:841"), ("Dune", 2021, "tmdb:438631"), ("The Thing", 1982, "tmdb:1091"), ("The Thing", 2011, "tmdb:60935") };
        var typed = from title in Gen.OneOf("Alien", "alien", "Dune", "Dune (2021)", "Thing, The", "The Thing")
                    from year in Gen.Int[1978, 2022].Nullable()
                    select IdentityKeys.ForFilm(title, year);
        var chosen = Gen.Int[0, catalogue.Length - 1].Select(i => IdentityKeys.WithCatalogue(IdentityKeys.ForFilm(catalogue[i].Item1, catalogue[i].Item2), catalogue[i].Item3));
        var key = Gen.Frequency((1, typed), (1, chosen));
        Gen.Select(key, key).Sample((a, b) =>
        {
            Assert.True(IdentityKeys.SameWork(a, a));
            Assert.Equal(IdentityKeys.SameWork(a, b), IdentityKeys.SameWork(b, a));
            if (IdentityKeys.SameWork(a, b))
            {
                Assert.Equal(IdentityKeys.TitleKey(a), IdentityKeys.TitleKey(b));
            }
        });
    }
}
