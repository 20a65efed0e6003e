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
