using ListeningClub.Domain.Media;
using ListeningClub.Storage.Postgres.Tests.Support;
using ListeningClub.Storage.Tests.Support;

namespace ListeningClub.Storage.Postgres.Tests.Contract;

public abstract class CatalogueEntryContract : ContractTest
{
    private const string Alien = "tmdb:348";
    private const string OkComputer = "musicbrainz:b1392450-e666-3926-a536-22c65f834433";

    [Fact]
    public async Task SavedEntry_IsFoundByItsId_ExactlyAsSaved_AndAnotherIdFindsNone()
    {
        var fetchedAt = new DateTimeOffset(2026, 11, 24, 14, 0, 0, TimeSpan.FromHours(2)).AddTicks(1234567);
        var entry = Entry(Alien, "{\"title\":\"Alien  \",\"synopsis\":\"🎬 In space… \\n שלום \u202E\",\"q\":\"\\\"quoted\\\"\"}", fetchedAt);

        await Store.CatalogueEntries.SaveAsync(entry, default);

        var found = await Store.CatalogueEntries.FindAsync(Alien, default);
        Assert.Equal(entry.Json, found!.Json);
        Assert.Equal(fetchedAt.UtcTicks, found.FetchedAt.UtcTicks);
        Assert.Equal(Alien, found.CatalogueId);
        Assert.Null(await Store.CatalogueEntries.FindAsync(OkComputer, default));
        Assert.Null(await Store.CatalogueEntries.FindAsync("TMDB:348", default));
    }

    [Fact]
    public async Task SavingTheSameIdAgain_ReplacesTheEntry()
    {
        await Store.CatalogueEntries.SaveAsync(Entry(Alien, """{"v":1}""", Sample.Now), default);
        await Store.CatalogueEntries.SaveAsync(Entry(OkComputer, """{"album":true}""", Sample.Now), default);

        await Store.CatalogueEntries.SaveAsync(Entry(Alien, """{"v":2}""", Sample.Now.AddDays(200)), default);

        var found = await Store.CatalogueEntries.FindAsync(Alien, default);
        Assert.Equal("""{"v":2}""", found!.Json);
        Assert.Equal(Sample.Now.AddDays(200), found.FetchedAt);
        Assert.Equal("""{"album":true}""", (await Store.CatalogueEntries.FindAsync(OkComputer, default))!.Json);
    }

    [Fact]
    public async Task Entries_SurviveARestart()
    {
        await Store.CatalogueEntries.SaveAsync(Entry(OkComputer, """{"title":"OK Computer"}""", Sample.Now), default);

        await Store.ReopenAsync();

        var found = await Store.CatalogueEntries.FindAsync(OkComputer, default);
        Assert.Equal("""{"title":"OK Computer"}""", found!.Json);
        Assert.Equal(Sample.Now, found.FetchedAt);
    }

    [Fact]
    public async Task List_ReturnsEveryEntry_ByCatalogueIdOrdinally_AsLastSaved()
    {
        Assert.Empty(await Store.CatalogueEntries.ListAsync(default));
        await Store.CatalogueEntries.SaveAsync(Entry(OkComputer, """{"album":true}""", Sample.Now), default);
        await Store.CatalogueEntries.SaveAsync(Entry(Alien, """{"v":1}""", Sample.Now), default);
        await Store.CatalogueEntries.SaveAsync(Entry("TMDB:1", "{}", Sample.Now), default);
        await Store.CatalogueEntries.SaveAsync(Entry(Alien, """{"v":2}""", Sample.Now.AddTicks(1)), default);

        var entries = await Store.CatalogueEntries.ListAsync(default);

        Assert.Equal(["TMDB:1", OkComputer, Alien], entries.Select(e => e.CatalogueId));
        Assert.Equal(Entry(Alien, """{"v":2}""", Sample.Now.AddTicks(1)), entries[2]);
    }

    [Fact]
    public async Task AnEntryAtItsLimits_IsKept_AndOneBeyondThemIsRefusedWithNothingStored()
    {
        var longestId = "tmdb:" + new string('9', CatalogueEntry.MaxIdLength - 5);
        var longestJson = "\"" + string.Concat(Enumerable.Repeat("界", CatalogueEntry.MaxJsonLength - 2)) + "\"";

        await Store.CatalogueEntries.SaveAsync(Entry(longestId, longestJson, Sample.Now), default);

        Assert.Equal(longestJson, (await Store.CatalogueEntries.FindAsync(longestId, default))!.Json);
        await Assert.ThrowsAsync<ArgumentException>(() => Store.CatalogueEntries.SaveAsync(Entry(Alien, longestJson + " ", Sample.Now), default));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.CatalogueEntries.SaveAsync(Entry(longestId + "9", "{}", Sample.Now), default));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.CatalogueEntries.SaveAsync(Entry(Alien, "", Sample.Now), default));
        Assert.Null(await Store.CatalogueEntries.FindAsync(Alien, default));
        Assert.Null(await Store.CatalogueEntries.FindAsync(longestId + "9", default));
    }

    private static CatalogueEntry Entry(string id, string json, DateTimeOffset fetchedAt) => new() { CatalogueId = id, Json = json, FetchedAt = fetchedAt };
}

public sealed class LiteDbCatalogueEntryContract : CatalogueEntryContract
{
    protected override Task<StoreUnderTest> OpenStoreAsync() => LiteDbStoreUnderTest.OpenAsync();
}

public sealed class PostgresCatalogueEntryContract : CatalogueEntryContract
{
    protected override Task<StoreUnderTest> OpenStoreAsync() => PostgresStoreUnderTest.OpenAsync();
}
