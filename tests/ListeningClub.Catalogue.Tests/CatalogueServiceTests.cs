using ListeningClub.Catalogue.Caching;
using ListeningClub.Catalogue.Fakes.Control;
using ListeningClub.Catalogue.Fakes.Seed;
using ListeningClub.Catalogue.Links;
using ListeningClub.Catalogue.Model;
using ListeningClub.Catalogue.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Catalogue.Tests;

public sealed class CatalogueServiceTests
{
    [Fact]
    public async Task ARepeatedSearch_IsAnsweredFromMemory()
    {
        await using var h = await CatalogueHarness.StartAsync();
        await h.Catalogue.SearchAsync(CatalogueKind.Film, "Alien", CancellationToken.None);
        var again = await h.Catalogue.SearchAsync(CatalogueKind.Film, "  alien ", CancellationToken.None);

        Assert.True(again.IsFound);
        Assert.Equal(1, h.Fakes.Log.Count(FakeService.Tmdb));
        Assert.Equal(1, h.Catalogue.CacheStatistics.Hits);
    }

    [Fact]
    public async Task ACachedSearch_ExpiresAfterItsTtl()
    {
        await using var h = await CatalogueHarness.StartAsync(new Dictionary<string, string?> { ["Catalogue:Cache:SearchTtl"] = "00:10:00" });
        await h.Catalogue.SearchFilmsAsync("alien", null, CancellationToken.None);
        h.Time.Advance(TimeSpan.FromMinutes(11));
        await h.Catalogue.SearchFilmsAsync("alien", null, CancellationToken.None);

        Assert.Equal(2, h.Fakes.Log.Count(FakeService.Tmdb));
    }

    [Fact]
    public async Task SearchCached_NarrowsTheSearchForTheStartOfTheText_WithoutAnyRequest()
    {
        await using var h = await CatalogueHarness.StartAsync();
        await h.Catalogue.SearchAsync(CatalogueKind.Film, "ali", CancellationToken.None);

        var narrowed = h.Catalogue.SearchCached(CatalogueKind.Film, "alien rom");
        Assert.Equal(["Alien: Romulus"], narrowed.Select(i => i.Title));
        Assert.Empty(h.Catalogue.SearchCached(CatalogueKind.Album, "ali"));
        Assert.Equal(1, h.Fakes.Log.Count());
    }

    [Fact]
    public async Task TypedText_WithAYear_SearchesThatYear()
    {
        await using var h = await CatalogueHarness.StartAsync();
        var result = await h.Catalogue.SearchAsync(CatalogueKind.Film, "Dune (1984) — David Lynch", CancellationToken.None);

        Assert.Equal(["tmdb:841"], result.Value!.Select(i => i.Id.ToString()));
    }

    [Fact]
    public async Task AnAlbum_ComesWithItsCover_AndAnAlbumWithoutOneHasNoImage()
    {
        await using var h = await CatalogueHarness.StartAsync();
        var withCover = await h.Catalogue.GetAsync(CatalogueId.MusicBrainz(SeedAlbums.All.Single(a => a.Title == "Rumours").Id), CancellationToken.None);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        var without = await h.Catalogue.GetAsync(CatalogueId.MusicBrainz(SeedAlbums.All.Single(a => a.Title == "Greatest Hits").Id), CancellationToken.None);

        Assert.EndsWith("/front-250", withCover.Value!.ImageUrl!.AbsoluteUri, StringComparison.Ordinal);
        Assert.True(without.IsFound);
        Assert.Null(without.Value!.ImageUrl);
    }

    [Fact]
    public async Task ARememberedItem_ComesFromTheStore_WithoutTheNetwork()
    {
        var store = new MemoryStore();
        await using var h = await CatalogueHarness.StartAsync(services: s => s.AddSingleton<ICatalogueItemStore>(store));
        var alien = (await h.Catalogue.GetAsync(CatalogueId.Tmdb(348), CancellationToken.None)).Value!;
        await h.Catalogue.RememberAsync(alien, CancellationToken.None);

        await using var later = await CatalogueHarness.StartAsync(new Dictionary<string, string?> { ["Catalogue:Tmdb:ApiKey"] = null }, s => s.AddSingleton<ICatalogueItemStore>(store));
        var again = await later.Catalogue.GetAsync(CatalogueId.Tmdb(348), CancellationToken.None);

        Assert.Equal(alien, again.Value);
        Assert.Equal(0, later.Fakes.Log.Count());
    }

    [Theory]
    [InlineData("https://www.imdb.com/title/tt0078748/", "tmdb:348", "Ridley Scott")]
    [InlineData("https://www.themoviedb.org/movie/841-dune", "tmdb:841", "David Lynch")]
    [InlineData("https://musicbrainz.org/release-group/b1392450-e666-3926-a536-22c65f834433", "musicbrainz:b1392450-e666-3926-a536-22c65f834433", "Radiohead")]
    public async Task AnIdLink_ResolvesToExactlyThatItem(string text, string id, string credit)
    {
        await using var h = await CatalogueHarness.StartAsync();
        Assert.True(CatalogueLinkParser.TryParse(text, out var link));
        var result = await h.Catalogue.ResolveLinkAsync(link, CancellationToken.None);

        var item = Assert.Single(result.Value!);
        Assert.Equal((id, credit, true), (item.Id.ToString(), item.Credit, item.IsDetailed));
    }

    [Fact]
    public async Task AReleaseLink_AndABareReleaseMbid_ResolveToTheGroup_WithTrackCountAndCover()
    {
        await using var h = await CatalogueHarness.StartAsync();
        var inRainbows = SeedAlbums.All.Single(a => a.Title == "In Rainbows");
        Assert.True(CatalogueLinkParser.TryParse(inRainbows.Releases[0].Id.ToString(), out var bare));

        var item = Assert.Single((await h.PumpAsync(h.Catalogue.ResolveLinkAsync(bare, CancellationToken.None), TimeSpan.FromSeconds(1))).Value!);

        Assert.Equal((inRainbows.Id, 10), (item.Id.MusicBrainzId!.Value, item.TrackCount));
        Assert.NotNull(item.ImageUrl);
    }

    [Theory]
    [InlineData("https://letterboxd.com/film/dune-1984/", "tmdb:841")]
    [InlineData("https://letterboxd.com/film/blade-runner-2049/", "tmdb:335984")]
    [InlineData("https://letterboxd.com/film/alien/", "tmdb:348")]
    public async Task ALetterboxdLink_SearchesItsSlug_BestMatchFirst(string url, string first)
    {
        await using var h = await CatalogueHarness.StartAsync();
        Assert.True(CatalogueLinkParser.TryParse(url, out var link));
        var result = await h.Catalogue.ResolveLinkAsync(link, CancellationToken.None);

        Assert.Contains(result.Value!, i => i.Id.ToString() == first);
    }

    [Fact]
    public async Task AvailabilityAndTheAlbumQueue_AreVisible()
    {
        await using var h = await CatalogueHarness.StartAsync(new Dictionary<string, string?> { ["Catalogue:Tmdb:ApiKey"] = null });
        Assert.False(h.Catalogue.IsAvailable(CatalogueKind.Film));
        Assert.True(h.Catalogue.IsAvailable(CatalogueKind.Album));
        Assert.Equal(TimeSpan.Zero, h.Catalogue.EstimatedAlbumWait);
    }

    private sealed class MemoryStore : ICatalogueItemStore
    {
        private readonly Dictionary<CatalogueId, CatalogueItem> _items = [];

        public ValueTask<CatalogueItem?> FindAsync(CatalogueId id, CancellationToken ct) => ValueTask.FromResult(_items.GetValueOrDefault(id));

        public ValueTask SaveAsync(CatalogueItem item, CancellationToken ct)
        {
            _items[item.Id] = item;
            return ValueTask.CompletedTask;
        }
    }
}
