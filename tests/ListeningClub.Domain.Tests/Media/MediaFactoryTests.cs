using ListeningClub.Domain.Media;

namespace ListeningClub.Domain.Tests.Media;

public sealed class MediaFactoryTests
{
    [Fact]
    public void Film_ValidInput_IsCleaned()
    {
        var film = MediaFactory.Film("  Stalker ", 1979, " Andrei  Tarkovsky ", "https://letterboxd.com/film/stalker/");
        Assert.True(film.IsSuccess);
        Assert.Equal("Stalker", film.Value.Title);
        Assert.Equal("Andrei Tarkovsky", film.Value.Director);
        Assert.Equal("Stalker (1979)", film.Value.DisplayName);
        Assert.Equal(new Uri("https://letterboxd.com/film/stalker/"), film.Value.Link);
    }

    [Fact]
    public void Album_DisplayName_NamesArtistAndTitle()
    {
        var album = MediaFactory.Album("Blue", "Joni Mitchell", 1971, null);
        Assert.Equal("Joni Mitchell – Blue (1971)", album.Value.DisplayName);
        Assert.Null(album.Value.Link);
    }

    [Theory]
    [InlineData("", 2000, null, "title is empty")]
    [InlineData("Fine", 1800, null, "1800 is not a plausible year")]
    [InlineData("Fine", 2000, "javascript:alert(1)", "link must be a web address")]
    [InlineData("Fine", 2000, "ftp://example.com/film", "link must be a web address")]
    [InlineData("Fine", 2000, "not a link", "link must be a web address")]
    public void Film_BadInput_SaysWhatToFix(string title, int year, string? link, string expected)
    {
        var film = MediaFactory.Film(title, year, null, link);
        Assert.False(film.IsSuccess);
        Assert.Contains(expected, film.Problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Album_MissingArtist_IsRejected()
    {
        var album = MediaFactory.Album("Blue", "   ", null, null);
        Assert.False(album.IsSuccess);
        Assert.Contains("artist is empty", album.Problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pitch_OverFiveHundredCharacters_IsRejected()
    {
        Assert.True(MediaFactory.Pitch(new string('a', 500)).IsSuccess);
        Assert.False(MediaFactory.Pitch(new string('a', 501)).IsSuccess);
        Assert.Null(MediaFactory.Pitch("   ").Value);
    }

    [Fact]
    public void Title_OverTwoHundredCharacters_IsRejected() =>
        Assert.Contains("limit is 200", MediaFactory.Film(new string('t', 201), null, null, null).Problem!.Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("Alien (1979)", null)]
    [InlineData("Alien [1979]", null)]
    [InlineData("Alien(1979)", 1979)]
    [InlineData("  Alien   (1979) ", 1979)]
    public void Film_YearInBracketsAtTheEndOfTheTitle_IsTheFilmsYear(string title, int? year)
    {
        var film = MediaFactory.Film(title, year, null, null).Value;
        Assert.Equal("Alien", film.Title);
        Assert.Equal(1979, film.Year);
        Assert.Equal("Alien (1979)", film.DisplayName);
        Assert.Equal(MediaFactory.Film("Alien", 1979, null, null).Value.IdentityKey, film.IdentityKey);
    }

    [Fact]
    public void Film_YearInTheTitleAndAnotherInTheYearOption_AsksWhichIsRight()
    {
        var film = MediaFactory.Film("Alien (1979)", 1986, null, null);
        Assert.Equal("year.two_years", film.Problem!.Code);
        Assert.Contains("ends in (1979) but the year is 1986", film.Problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Blade Runner 2049")]
    [InlineData("Fahrenheit (3000)")]
    [InlineData("(1979)")]
    [InlineData("Alien (1979) Redux")]
    public void Film_NumberThatIsNotABracketedYearAtTheEnd_StaysInTheTitle(string title)
    {
        var film = MediaFactory.Film(title, null, null, null).Value;
        Assert.Equal(title, film.Title);
        Assert.Null(film.Year);
    }

    [Fact]
    public void CatalogueFacts_AreCleanedLikeTypedText_AndABadIdIsRefused()
    {
        var facts = new CatalogueFacts
        {
            Id = "tmdb:348",
            ImdbId = "tt0078748",
            Synopsis = "In space\u0000 no one " + new string('x', 2000),
            RuntimeMinutes = 117,
            TrackCount = -3,
            ImageUrl = new Uri("javascript:alert(1)"),
        };

        var film = MediaFactory.Film("Alien", 1979, "Ridley Scott", null, facts).Value;

        Assert.Equal("film:alien:1979#tmdb:348", film.IdentityKey);
        Assert.Equal(348, film.Catalogue!.TmdbId);
        Assert.DoesNotContain('\u0000', film.Catalogue.Synopsis!);
        Assert.Equal(CatalogueFacts.MaxSynopsisLength, film.Catalogue.Synopsis!.Length);
        Assert.Equal(117, film.Catalogue.RuntimeMinutes);
        Assert.Null(film.Catalogue.TrackCount);
        Assert.Null(film.Catalogue.ImageUrl);
        Assert.Equal("catalogue.bad_id", MediaFactory.Album("Blue", "Joni Mitchell", 1971, null, facts with { Id = "tmdb:1#evil" }).Problem!.Code);
        Assert.Equal("catalogue.bad_id", MediaFactory.Album("Blue", "Joni Mitchell", 1971, null, facts with { Id = "" }).Problem!.Code);
    }
}
