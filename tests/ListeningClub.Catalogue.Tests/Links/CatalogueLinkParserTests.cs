using ListeningClub.Catalogue.Links;
using ListeningClub.Catalogue.Model;

namespace ListeningClub.Catalogue.Tests.Links;

public sealed class CatalogueLinkParserTests
{
    [Theory]
    [InlineData("tt0078748", CatalogueLinkKind.ImdbTitle, "tt0078748")]
    [InlineData("  TT0078748 ", CatalogueLinkKind.ImdbTitle, "tt0078748")]
    [InlineData("tt15239678", CatalogueLinkKind.ImdbTitle, "tt15239678")]
    [InlineData("https://www.imdb.com/title/tt0078748/", CatalogueLinkKind.ImdbTitle, "tt0078748")]
    [InlineData("https://m.imdb.com/title/tt0078748/?ref_=nv_sr_1", CatalogueLinkKind.ImdbTitle, "tt0078748")]
    [InlineData("imdb.com/title/tt0087182", CatalogueLinkKind.ImdbTitle, "tt0087182")]
    [InlineData("https://www.imdb.com/de/title/tt0078748/reference", CatalogueLinkKind.ImdbTitle, "tt0078748")]
    [InlineData("<https://www.imdb.com/title/tt0078748/>", CatalogueLinkKind.ImdbTitle, "tt0078748")]
    [InlineData("https://www.themoviedb.org/movie/348-alien", CatalogueLinkKind.TmdbMovie, "348")]
    [InlineData("https://www.themoviedb.org/movie/348", CatalogueLinkKind.TmdbMovie, "348")]
    [InlineData("https://themoviedb.org/movie/438631-dune/cast?language=de-DE", CatalogueLinkKind.TmdbMovie, "438631")]
    [InlineData("https://musicbrainz.org/release-group/b1392450-e666-3926-a536-22c65f834433", CatalogueLinkKind.MusicBrainzReleaseGroup, "b1392450-e666-3926-a536-22c65f834433")]
    [InlineData("https://beta.musicbrainz.org/release-group/B1392450-E666-3926-A536-22C65F834433/edits", CatalogueLinkKind.MusicBrainzReleaseGroup, "b1392450-e666-3926-a536-22c65f834433")]
    [InlineData("http://musicbrainz.org/release/0b6b4ba0-d36f-47bd-b4ea-6a5b91842d29", CatalogueLinkKind.MusicBrainzRelease, "0b6b4ba0-d36f-47bd-b4ea-6a5b91842d29")]
    [InlineData("b1392450-e666-3926-a536-22c65f834433", CatalogueLinkKind.MusicBrainzId, "b1392450-e666-3926-a536-22c65f834433")]
    [InlineData("https://letterboxd.com/film/alien/", CatalogueLinkKind.LetterboxdFilm, "alien")]
    [InlineData("https://letterboxd.com/film/dune-2021/reviews/", CatalogueLinkKind.LetterboxdFilm, "dune-2021")]
    [InlineData("https://letterboxd.com/someone/film/the-thing/", CatalogueLinkKind.LetterboxdFilm, "the-thing")]
    public void TryParse_RecognisesTheLink_AndItsCanonicalId(string text, CatalogueLinkKind kind, string id)
    {
        Assert.True(CatalogueLinkParser.TryParse(text, out var link));
        Assert.Equal(kind, link.Kind);
        Assert.Equal(id, link.Id);
    }

    [Theory]
    [InlineData("Alien")]
    [InlineData("Alien (1979)")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("tt123")]
    [InlineData("tt123456789")]
    [InlineData("https://www.imdb.com/name/nm0000631/")]
    [InlineData("https://www.themoviedb.org/tv/1399-game-of-thrones")]
    [InlineData("https://www.themoviedb.org/movie/0")]
    [InlineData("https://musicbrainz.org/artist/a74b1b7f-71a5-4011-9441-d0b5e4122711")]
    [InlineData("https://musicbrainz.org/release-group/not-a-uuid")]
    [InlineData("https://example.com/title/tt0078748/")]
    [InlineData("https://notimdb.com/title/tt0078748/")]
    [InlineData("ftp://www.imdb.com/title/tt0078748/")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("https://letterboxd.com/someone/list/favourites/")]
    [InlineData("OK Computer https://musicbrainz.org/release-group/b1392450-e666-3926-a536-22c65f834433")]
    public void TryParse_RejectsTextThatIsNoCatalogueLink(string? text) => Assert.False(CatalogueLinkParser.TryParse(text, out _));

    [Theory]
    [InlineData("https://letterboxd.com/film/alien/", "alien", null)]
    [InlineData("https://letterboxd.com/film/dune-1984/", "dune 1984", 1984)]
    [InlineData("https://letterboxd.com/film/blade-runner-2049/", "blade runner 2049", 2049)]
    [InlineData("https://letterboxd.com/film/1917/", "1917", null)]
    public void Letterboxd_SlugBecomesATitleToSearch_WithTheYearItMayCarry(string url, string title, int? year)
    {
        Assert.True(CatalogueLinkParser.TryParse(url, out var link));
        Assert.Equal(title, link.TitleGuess);
        Assert.Equal(year, link.YearGuess);
        Assert.False(link.IsExact);
        Assert.Equal(CatalogueKind.Film, link.ItemKind);
    }

    [Fact]
    public void MusicBrainzLinks_NameAlbums_AndAreExact()
    {
        Assert.True(CatalogueLinkParser.TryParse("https://musicbrainz.org/release/0b6b4ba0-d36f-47bd-b4ea-6a5b91842d29", out var link));
        Assert.Equal(CatalogueKind.Album, link.ItemKind);
        Assert.True(link.IsExact);
    }

    [Fact]
    public void TryParse_RejectsVeryLongText_WithoutWork() => Assert.False(CatalogueLinkParser.TryParse("https://www.imdb.com/title/tt0078748/" + new string('a', 10_000), out _));
}
