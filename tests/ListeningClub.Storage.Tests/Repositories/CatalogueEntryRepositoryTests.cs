using ListeningClub.Domain.Media;
using ListeningClub.Storage.Documents;
using ListeningClub.Storage.Repositories;
using ListeningClub.Storage.Tests.Support;
using LiteDB;

namespace ListeningClub.Storage.Tests.Repositories;

public sealed class CatalogueEntryRepositoryTests
{
    private const string Alien = "tmdb:348";
    private const string OkComputer = "musicbrainz:b1392450-e666-3926-a536-22c65f834433";

    [Fact]
    public async Task SavedEntry_IsFoundByItsId_ExactlyAsSaved_AndAnotherIdFindsNone()
    {
        await using var test = new TestStore();
        var entries = new CatalogueEntryRepository(test.Store);
        var fetchedAt = new DateTimeOffset(2026, 11, 24, 14, 0, 0, TimeSpan.FromHours(2)).AddTicks(1234567);
        var entry = Entry(Alien, """{"title":"Alien  ","synopsis":"🎬 In space… \n שלום \u202E","q":"\"quoted\""}""", fetchedAt);

        await entries.SaveAsync(entry, default);

        var found = await entries.FindAsync(Alien, default);
        Assert.Equal(entry.Json, found!.Json);
        Assert.Equal(fetchedAt.UtcTicks, found.FetchedAt.UtcTicks);
        Assert.Equal(Alien, found.CatalogueId);
        Assert.Null(await entries.FindAsync(OkComputer, default));
        Assert.Null(await entries.FindAsync("TMDB:348", default));
    }

    [Fact]
    public async Task SavingTheSameIdAgain_ReplacesTheEntry()
    {
        await using var test = new TestStore();
        var entries = new CatalogueEntryRepository(test.Store);
        await entries.SaveAsync(Entry(Alien, """{"v":1}""", Sample.Now), default);
        await entries.SaveAsync(Entry(OkComputer, """{"album":true}""", Sample.Now), default);

        await entries.SaveAsync(Entry(Alien, """{"v":2}""", Sample.Now.AddDays(200)), default);

        var found = await entries.FindAsync(Alien, default);
        Assert.Equal("""{"v":2}""", found!.Json);
        Assert.Equal(Sample.Now.AddDays(200), found.FetchedAt);
        Assert.Equal("""{"album":true}""", (await entries.FindAsync(OkComputer, default))!.Json);
        Assert.Equal(2, test.Store.Read(db => db.GetCollection(Collections.CatalogueEntries).Count()));
    }

    [Fact]
    public async Task Entries_SurviveARestart()
    {
        await using var test = new TestStore();
        await new CatalogueEntryRepository(test.Store).SaveAsync(Entry(OkComputer, """{"title":"OK Computer"}""", Sample.Now), default);

        await test.ReopenAsync();

        var found = await new CatalogueEntryRepository(test.Store).FindAsync(OkComputer, default);
        Assert.Equal("""{"title":"OK Computer"}""", found!.Json);
        Assert.Equal(Sample.Now, found.FetchedAt);
    }

    [Fact]
    public async Task AnEntryAtItsLimits_IsKept_AndOneBeyondThemIsRefusedWithNothingStored()
    {
        await using var test = new TestStore();
        var entries = new CatalogueEntryRepository(test.Store);
        var longestId = "tmdb:" + new string('9', CatalogueEntry.MaxIdLength - 5);
        var longestJson = "\"" + string.Concat(Enumerable.Repeat("界", CatalogueEntry.MaxJsonLength - 2)) + "\"";

        await entries.SaveAsync(Entry(longestId, longestJson, Sample.Now), default);

        Assert.Equal(longestJson, (await entries.FindAsync(longestId, default))!.Json);
        await Assert.ThrowsAsync<ArgumentException>(() => entries.SaveAsync(Entry(Alien, longestJson + " ", Sample.Now), default));
        await Assert.ThrowsAsync<ArgumentException>(() => entries.SaveAsync(Entry(longestId + "9", "{}", Sample.Now), default));
        await Assert.ThrowsAsync<ArgumentException>(() => entries.SaveAsync(Entry(Alien, "", Sample.Now), default));
        Assert.Null(await entries.FindAsync(Alien, default));
        Assert.Null(await entries.FindAsync(longestId + "9", default));
        Assert.Equal(1, test.Store.Read(db => db.GetCollection(Collections.CatalogueEntries).Count()));
    }

    [Fact]
    public async Task ADocumentThatIsNoCatalogueEntry_IsReportedAsUnreadable_AndTheOthersStillRead()
    {
        await using var test = new TestStore();
        var entries = new CatalogueEntryRepository(test.Store);
        await entries.SaveAsync(Entry(OkComputer, "{}", Sample.Now), default);
        await test.Store.WriteAsync(db => db.GetCollection(Collections.CatalogueEntries).Insert(new BsonDocument { ["_id"] = Alien, ["json"] = 42, ["fetchedAt"] = "yesterday" }));

        await Assert.ThrowsAsync<InvalidDataException>(() => entries.FindAsync(Alien, default));
        Assert.NotNull(await entries.FindAsync(OkComputer, default));

        // Saving the item again repairs it.
        await entries.SaveAsync(Entry(Alien, "{}", Sample.Now), default);
        Assert.Equal("{}", (await entries.FindAsync(Alien, default))!.Json);
    }

    private static CatalogueEntry Entry(string id, string json, DateTimeOffset fetchedAt) => new() { CatalogueId = id, Json = json, FetchedAt = fetchedAt };
}
