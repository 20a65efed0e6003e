using System.Collections.Concurrent;
using ListeningClub.Bot.Hosting;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Catalogue;
using ListeningClub.Catalogue.Caching;
using ListeningClub.Catalogue.Model;
using ListeningClub.Domain.Media;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ListeningClub.Bot.Tests.Hosting;

/// <summary>
/// A catalogue item a member chose is kept in the club's store, so it never needs the network again; entries older than
/// TMDB's terms allow are fetched again, and one that cannot be read is fetched again instead of failing the member.
/// </summary>
public sealed class StoredCatalogueItemsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);
    private readonly MemoryEntries _entries = new();
    private readonly FakeLogger<StoredCatalogueItems> _logger = new();

    [Fact]
    public void TheFullSamples_SetEveryPropertyAnItemCanCarry()
    {
        // So a property added to CatalogueItem later is caught by the round trips below, not lost in the store.
        foreach (var item in new[] { Film(Now), Album(Now) })
        {
            foreach (var owner in new object[] { item, item.ExternalIds })
            {
                foreach (var property in owner.GetType().GetProperties().Where(p => p.SetMethod is { IsPublic: true }))
                {
                    var value = property.GetValue(owner);
                    var unset = property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null
                        ? Activator.CreateInstance(property.PropertyType)
                        : null;
                    Assert.False(Equals(value, unset), $"{owner.GetType().Name}.{property.Name} is not set in the sample");
                }

                Assert.NotEmpty(item.Tags);
            }
        }
    }

    [Fact]
    public async Task AFilmAndAnAlbumWithEveryField_ComeBackExactlyAsSaved()
    {
        var store = Store();
        var fetchedAt = new DateTimeOffset(2026, 11, 20, 9, 30, 15, TimeSpan.FromHours(-5)).AddTicks(1234567);

        foreach (var item in new[] { Film(fetchedAt), Album(fetchedAt) })
        {
            await store.SaveAsync(item, default);

            var found = await store.FindAsync(item.Id, default);

            Assert.NotNull(found);
            Assert.Equal(item.Tags, found.Tags);
            Assert.Equal(item, found with { Tags = item.Tags });
            Assert.Equal(fetchedAt.Ticks, found.FetchedAt.Ticks);
            Assert.Equal(fetchedAt.Offset, found.FetchedAt.Offset);
            Assert.Equal(item.Label, found.Label);
            Assert.Equal(item.Kind, found.Kind);
            Assert.Equal(fetchedAt, _entries.Entries[item.Id.ToString()].FetchedAt);
        }

        Assert.Empty(_logger.Collector.GetSnapshot());
    }

    [Fact]
    public async Task TheStoredJson_CarriesTheIdAsText_LettersAsTheyAre_AndNoComputedProperties()
    {
        await Store().SaveAsync(Film(Now), default);

        var json = _entries.Entries["tmdb:348"].Json;

        Assert.Contains("\"id\":\"tmdb:348\"", json, StringComparison.Ordinal);
        Assert.Contains("エイリアン", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"label\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"kind\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEntryWrittenWithFewerOrMoreFields_ReadsWithWhatItHas()
    {
        // An older version wrote fewer fields; a newer one may write more: neither is a corrupt entry.
        _entries.Put("tmdb:348", """{"id":"tmdb:348","title":"Alien","externalIds":{"tmdb":348},"rating":8.5,"futureThing":{"a":[1,2]}}""", Now);

        var found = await Store().FindAsync(CatalogueId.Tmdb(348), default);

        Assert.Equal("Alien", found!.Title);
        Assert.Equal(348, found.ExternalIds.Tmdb);
        Assert.Null(found.Year);
        Assert.Empty(found.Tags);
        Assert.Empty(_logger.Collector.GetSnapshot());
    }

    [Fact]
    public async Task AnEntry_IsFoundFor180Days_ThenIsAbsentSoTheCatalogueFetchesItAgain()
    {
        var store = Store();
        await store.SaveAsync(Film(Now), default);

        _time.Advance(TimeSpan.FromDays(180));
        Assert.NotNull(await store.FindAsync(CatalogueId.Tmdb(348), default));

        _time.Advance(TimeSpan.FromTicks(1));
        Assert.Null(await store.FindAsync(CatalogueId.Tmdb(348), default));

        // Kept again (the catalogue fetched it anew), it is fresh again.
        await store.SaveAsync(Film(_time.GetUtcNow()), default);
        Assert.NotNull(await store.FindAsync(CatalogueId.Tmdb(348), default));
        Assert.Empty(_logger.Collector.GetSnapshot());
    }

    [Fact]
    public async Task AnEntrysAge_CountsFromWhenTheCatalogueAnswered_OrFromSavingWhenThatIsUnknownOrInTheFuture()
    {
        var store = Store();
        await store.SaveAsync(Film(Now - TimeSpan.FromDays(179)), default);
        await store.SaveAsync(Album(default), default);
        await store.SaveAsync(Film(Now + TimeSpan.FromDays(3650)) with { Id = CatalogueId.Tmdb(679) }, default);

        _time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromTicks(1));

        Assert.Null(await store.FindAsync(CatalogueId.Tmdb(348), default));
        var album = await store.FindAsync(Album(Now).Id, default);
        Assert.Equal(Now, album!.FetchedAt);
        Assert.Equal(Now, (await store.FindAsync(CatalogueId.Tmdb(679), default))!.FetchedAt);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("""{"title":"Alien","externalIds":{}}""")]
    [InlineData("""{"id":"tmdb:348","externalIds":{}}""")]
    [InlineData("""{"id":"tmdb:348","title":null,"externalIds":{}}""")]
    [InlineData("""{"id":"tmdb:348","title":"Alien"}""")]
    [InlineData("""{"id":"imdb:tt0078748","title":"Alien","externalIds":{}}""")]
    [InlineData("""{"id":348,"title":"Alien","externalIds":{}}""")]
    [InlineData("""{"id":"tmdb:348","title":"Alien","externalIds":{},"year":"1979"}""")]
    [InlineData("""{"id":"tmdb:348","title":"Alien","externalIds":{},"tags":null}""")]
    [InlineData("""{"id":"tmdb:348","title":"Alien","externalIds":{},"tags":["Horror",null]}""")]
    [InlineData("""{"id":"tmdb:348","title":"Alien","externalIds":{},"imageUrl":{}}""")]
    [InlineData("""{"id":"tmdb:679","title":"Aliens","externalIds":{}}""")]
    public async Task ACorruptEntry_IsAbsent_WithOneWarning(string json)
    {
        _entries.Put("tmdb:348", json, Now);

        var found = await Store().FindAsync(CatalogueId.Tmdb(348), default);

        Assert.Null(found);
        var warning = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("tmdb:348", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEntryLongerThanAnEntryMayBe_IsAbsent_WithOneWarning()
    {
        _entries.Put("tmdb:348", "[" + string.Join(',', Enumerable.Repeat("1", CatalogueEntry.MaxJsonLength)) + "]", Now);

        Assert.Null(await Store().FindAsync(CatalogueId.Tmdb(348), default));
        Assert.Equal(LogLevel.Warning, Assert.Single(_logger.Collector.GetSnapshot()).Level);
    }

    [Fact]
    public async Task AnEntryTheStoreCannotRead_IsAbsent_WithOneWarning_AndSavingRepairsIt()
    {
        var store = Store();
        _entries.ReadFailure = new InvalidDataException("The catalogue entry tmdb:348 cannot be read.");

        Assert.Null(await store.FindAsync(CatalogueId.Tmdb(348), default));
        Assert.Equal(LogLevel.Warning, Assert.Single(_logger.Collector.GetSnapshot()).Level);

        _entries.ReadFailure = null;
        _entries.Put("tmdb:348", "{not json", Now);
        await store.SaveAsync(Film(Now), default);
        Assert.Equal(Film(Now).Title, (await store.FindAsync(CatalogueId.Tmdb(348), default))!.Title);
    }

    [Fact]
    public async Task AnItemTooLongToKeep_IsNotStored_WithOneWarning()
    {
        var store = Store();
        var huge = Film(Now) with { Tags = [.. Enumerable.Range(0, 1000).Select(i => $"A genre name of some fifty characters, number {i:0000}")] };

        await store.SaveAsync(huge, default);

        Assert.Empty(_entries.Entries);
        Assert.Null(await store.FindAsync(huge.Id, default));
        Assert.Equal(LogLevel.Warning, Assert.Single(_logger.Collector.GetSnapshot()).Level);
    }

    [Fact]
    public async Task TheBot_KeepsAChosenItemInItsStore_SoAfterARestartItNeedsNoCatalogueService()
    {
        // No TMDB key is configured: the second host can only have the film from the store.
        using (var host = Host())
        {
            Assert.IsType<StoredCatalogueItems>(host.Services.GetRequiredService<ICatalogueItemStore>());
            await host.Services.GetRequiredService<ICatalogue>().RememberAsync(Film(Now), default);
        }

        using var restarted = Host();
        var found = await restarted.Services.GetRequiredService<ICatalogue>().GetAsync(CatalogueId.Tmdb(348), default);

        Assert.True(found.IsFound, found.ToString());
        Assert.Equal(Film(Now).Label, found.Value!.Label);
        Assert.Single(_entries.Entries);
    }

    private StoredCatalogueItems Store() => new(_entries, _time, _logger);

    private Microsoft.Extensions.Hosting.IHost Host() => UnstartedHost.Build(
        new Dictionary<string, string?>(),
        services => services.AddSingleton<TimeProvider>(_time).AddSingleton<ICatalogueEntryRepository>(_entries));

    private static CatalogueItem Film(DateTimeOffset fetchedAt) => new()
    {
        Id = CatalogueId.Tmdb(348),
        Title = "Alien \"1979\" </script> 🎬 \\ ok",
        Year = 1979,
        ReleaseDate = "1979-05-25",
        Credit = "Ridley Scott",
        OriginalTitle = "エイリアン",
        RuntimeMinutes = 117,
        TrackCount = 1,
        Synopsis = "In space, no one can hear you scream…\nשלום, a second line",
        ImageUrl = new Uri("https://image.tmdb.org/t/p/w342/vfrQk5IPloGg1v9Rzbh2Eg3VGyM.jpg?a=1&b=%C3%A9"),
        Tags = ["Horror", "Science Fiction"],
        ExternalIds = new ExternalIds(Imdb: "tt0078748", Tmdb: 348, MusicBrainzReleaseGroup: Guid.Parse("b1392450-e666-3926-a536-22c65f834433")),
        IsDetailed = true,
        FetchedAt = fetchedAt,
    };

    private static CatalogueItem Album(DateTimeOffset fetchedAt) => new()
    {
        Id = CatalogueId.MusicBrainz(Guid.Parse("b1392450-e666-3926-a536-22c65f834433")),
        Title = "OK Computer",
        Year = 1997,
        ReleaseDate = "1997-05",
        Credit = "Simon & Garfunkel",
        OriginalTitle = "OK コンピュータ",
        RuntimeMinutes = 53,
        TrackCount = 12,
        Synopsis = "An album.",
        ImageUrl = new Uri("https://coverartarchive.org/release-group/b1392450-e666-3926-a536-22c65f834433/front-250"),
        Tags = ["Album", "Live"],
        ExternalIds = new ExternalIds(Imdb: "tt0000001", Tmdb: 1, MusicBrainzReleaseGroup: Guid.Parse("b1392450-e666-3926-a536-22c65f834433")),
        IsDetailed = true,
        FetchedAt = fetchedAt,
    };

    /// <summary>The repository as a dictionary (the real one is tested on a real file in Storage.Tests).</summary>
    private sealed class MemoryEntries : ICatalogueEntryRepository
    {
        public ConcurrentDictionary<string, CatalogueEntry> Entries { get; } = new(StringComparer.Ordinal);

        public Exception? ReadFailure { get; set; }

        public void Put(string id, string json, DateTimeOffset fetchedAt) => Entries[id] = new CatalogueEntry { CatalogueId = id, Json = json, FetchedAt = fetchedAt };

        public Task<CatalogueEntry?> FindAsync(string catalogueId, CancellationToken cancellationToken) =>
            ReadFailure is { } failure ? Task.FromException<CatalogueEntry?>(failure) : Task.FromResult(Entries.GetValueOrDefault(catalogueId));

        public Task<IReadOnlyList<CatalogueEntry>> ListAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<CatalogueEntry>>(Entries.Values.OrderBy(entry => entry.CatalogueId, StringComparer.Ordinal).ToList());

        public Task SaveAsync(CatalogueEntry entry, CancellationToken cancellationToken)
        {
            Assert.True(entry.IsWithinLimits, "the adapter saves only entries within their limits");
            Entries[entry.CatalogueId] = entry;
            return Task.CompletedTask;
        }
    }
}
