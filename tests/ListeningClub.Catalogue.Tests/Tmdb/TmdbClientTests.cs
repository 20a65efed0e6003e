using ListeningClub.Catalogue.Fakes.Control;
using ListeningClub.Catalogue.Model;
using ListeningClub.Catalogue.Tests.Fakes;
using Microsoft.Extensions.Logging;

namespace ListeningClub.Catalogue.Tests.Tmdb;

public sealed class TmdbClientTests
{
    [Fact]
    public async Task Search_FindsFilmsOfTheSameTitle_WithYearAndPoster()
    {
        await using var h = await CatalogueHarness.StartAsync();
        var result = await h.Tmdb.SearchMoviesAsync("dune", ct: CancellationToken.None);

        Assert.True(result.IsFound);
        var dunes = result.Value!.Where(i => i.Title == "Dune").ToList();
        Assert.Equal([2021, 1984], dunes.Select(d => d.Year));
        Assert.Equal("tmdb:438631", dunes[0].Id.ToString());
        Assert.StartsWith("https://image.tmdb.org/t/p/w342/", dunes[0].ImageUrl!.AbsoluteUri, StringComparison.Ordinal);
        Assert.False(dunes[0].IsDetailed);
    }

    [Fact]
    public async Task Search_WithAYear_KeepsOnlyThatYearsFilm()
    {
        await using var h = await CatalogueHarness.StartAsync();
        var result = await h.Tmdb.SearchMoviesAsync("dune", 1984, CancellationToken.None);

        var only = Assert.Single(result.Value!);
        Assert.Equal("tmdb:841", only.Id.ToString());
        Assert.Contains("year=1984", Assert.Single(h.Fakes.Log.Entries(FakeService.Tmdb)).Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_CarryTheDirectorsRuntimeGenresAndImdbId()
    {
        await using var h = await CatalogueHarness.StartAsync();
        var alien = (await h.Tmdb.GetMovieAsync(348, CancellationToken.None)).Value!;
        var matrix = (await h.Tmdb.GetMovieAsync(603, CancellationToken.None)).Value!;

        Assert.Equal(("Alien", 1979, "Ridley Scott", 117, "tt0078748"), (alien.Title, alien.Year, alien.Credit, alien.RuntimeMinutes, alien.ExternalIds.Imdb));
        Assert.Equal(["Horror", "Science Fiction"], alien.Tags);
        Assert.True(alien.IsDetailed);
        Assert.Equal("Lana Wachowski, Lilly Wachowski", matrix.Credit);
        Assert.Contains("append_to_response=credits", h.Fakes.Log.Entries(FakeService.Tmdb)[0].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_OfAFilmWithoutPosterOrDate_LeaveThemUnknown()
    {
        await using var h = await CatalogueHarness.StartAsync();
        var film = (await h.Tmdb.GetMovieAsync(999001, CancellationToken.None)).Value!;

        Assert.Equal((null, null, null, null, null, null), (film.Year, film.ImageUrl, film.RuntimeMinutes, film.ExternalIds.Imdb, film.Credit, film.Synopsis));
    }

    [Fact]
    public async Task FindByImdbId_ReturnsTheFilm_AndAnUnknownIdIsNotFound()
    {
        await using var h = await CatalogueHarness.StartAsync();
        var dune = await h.Tmdb.FindByImdbIdAsync("tt0087182", CancellationToken.None);
        var none = await h.Tmdb.FindByImdbIdAsync("tt9999999", CancellationToken.None);

        Assert.Equal("tmdb:841", dune.Value!.Id.ToString());
        Assert.Equal(CatalogueStatus.NotFound, none.Status);
        Assert.Contains("external_source=imdb_id", h.Fakes.Log.Entries(FakeService.Tmdb)[0].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownMovie_IsNotFound_NotAnOutage()
    {
        await using var h = await CatalogueHarness.StartAsync();
        var result = await h.Tmdb.GetMovieAsync(123456789, CancellationToken.None);

        Assert.Equal(CatalogueStatus.NotFound, result.Status);
        Assert.True(h.Tmdb.IsAvailable);
        Assert.Equal(404, h.Fakes.Log.Entries(FakeService.Tmdb)[0].Status);
    }

    [Fact]
    public async Task TheApiKey_GoesAsAQueryParameter_WithoutAnAuthorizationHeader()
    {
        await using var h = await CatalogueHarness.StartAsync();
        await h.Tmdb.SearchMoviesAsync("alien", ct: CancellationToken.None);

        var request = Assert.Single(h.Fakes.Log.Entries(FakeService.Tmdb));
        Assert.Equal((true, false, 200), (request.HasApiKey, request.HasAuthorization, request.Status));
    }

    [Fact]
    public async Task TheReadAccessToken_GoesAsABearerHeader_WithoutTheKey()
    {
        await using var h = await CatalogueHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Catalogue:Tmdb:ApiKey"] = null,
            ["Catalogue:Tmdb:ReadAccessToken"] = "fake-tmdb-read-access-token-eyJhbGciOiJIUzI1NiJ9",
        });
        var result = await h.Tmdb.SearchMoviesAsync("alien", ct: CancellationToken.None);

        Assert.True(result.IsFound);
        var request = Assert.Single(h.Fakes.Log.Entries(FakeService.Tmdb));
        Assert.Equal((false, true), (request.HasApiKey, request.HasAuthorization));
    }

    [Fact]
    public async Task WithoutCredentials_NothingIsSent_AndOneLineSaysHowToTurnFilmsOn()
    {
        await using var h = await CatalogueHarness.StartAsync(new Dictionary<string, string?> { ["Catalogue:Tmdb:ApiKey"] = null });
        var first = await h.Tmdb.SearchMoviesAsync("alien", ct: CancellationToken.None);
        await h.Tmdb.SearchMoviesAsync("aliens", ct: CancellationToken.None);

        Assert.Equal(CatalogueFailure.NotConfigured, first.Failure);
        Assert.Equal("The film catalogue (TMDB) is not set up on this bot.", first.Message);
        Assert.Equal(0, h.Fakes.Log.Count(FakeService.Tmdb));
        Assert.Single(h.Logs.Lines, l => l.Message.Contains("Catalogue:Tmdb:ApiKey", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARejectedKey_StopsAllRequests_UntilTheConfigurationChanges()
    {
        await using var h = await CatalogueHarness.StartAsync(new Dictionary<string, string?> { ["Catalogue:Tmdb:ApiKey"] = "wrong-key" });
        var first = await h.Tmdb.SearchMoviesAsync("alien", ct: CancellationToken.None);
        var second = await h.Tmdb.GetMovieAsync(348, CancellationToken.None);

        Assert.Equal((CatalogueFailure.BadCredentials, CatalogueFailure.BadCredentials), (first.Failure, second.Failure));
        Assert.Equal(1, h.Fakes.Log.Count(FakeService.Tmdb));
        var error = Assert.Single(h.Logs.AtLeast(LogLevel.Error));
        Assert.Contains("status_code 7", error.Message, StringComparison.Ordinal);

        h.Reconfigure("Catalogue:Tmdb:ApiKey", h.Fakes.State.Settings.TmdbApiKey);
        var third = await h.Tmdb.GetMovieAsync(348, CancellationToken.None);
        Assert.True(third.IsFound);
        Assert.Equal(2, h.Fakes.Log.Count(FakeService.Tmdb));
    }

    [Fact]
    public async Task ABlankQuery_SendsNothing()
    {
        await using var h = await CatalogueHarness.StartAsync();
        var result = await h.Tmdb.SearchMoviesAsync(" \u0000 ", ct: CancellationToken.None);

        Assert.Empty(result.Value!);
        Assert.Equal(0, h.Fakes.Log.Count());
    }

    [Fact]
    public void PosterUrl_BuildsTheDocumentedForm_AndRefusesOddPaths()
    {
        Assert.Equal("https://image.tmdb.org/t/p/w342/abc.jpg", Catalogue.Tmdb.TmdbImages.PosterUrl("https://image.tmdb.org/t/p", "w342", "/abc.jpg")!.AbsoluteUri);
        Assert.Null(Catalogue.Tmdb.TmdbImages.PosterUrl("https://image.tmdb.org/t/p", "w342", "/../x.jpg"));
        Assert.Null(Catalogue.Tmdb.TmdbImages.PosterUrl("https://image.tmdb.org/t/p", "w342", "https://evil.example/x.jpg"));
        Assert.Null(Catalogue.Tmdb.TmdbImages.PosterUrl("https://image.tmdb.org/t/p", "w9999", "/abc.jpg"));
    }
}
