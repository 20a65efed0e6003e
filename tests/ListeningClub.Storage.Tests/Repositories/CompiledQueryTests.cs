using System.Collections;
using System.Reflection;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Media;
using ListeningClub.Storage.Repositories;
using ListeningClub.Storage.Tests.Support;
using LiteDB;

namespace ListeningClub.Storage.Tests.Repositories;

/// <summary>
/// LiteDB compiles each distinct query text into a dynamic method and keeps it for the life of the process. A lookup
/// that wrote its value into the text (LiteDB's <c>Query.EQ</c>) left one compiled method behind per track, cycle,
/// guild and announcement ever looked up: memory that grows with the clubs and with every week, and never comes back.
/// </summary>
public sealed class CompiledQueryTests
{
    private const int Lookups = 200;

    [Fact]
    public async Task LookingUpManyDifferentTracksCyclesAndGuilds_CompilesEachQueryOnce()
    {
        await using var test = new TestStore();
        var nominations = new NominationRepository(test.Store);
        var cycles = new CycleRepository(test.Store);
        var ballots = new BallotRepository(test.Store);
        var ratings = new RatingRepository(test.Store);
        var picks = new PickRepository(test.Store);
        var prompts = new PromptRepository(test.Store);
        var outbox = new OutboxRepository(test.Store);
        var catalogue = new CatalogueEntryRepository(test.Store);
        await catalogue.SaveAsync(new CatalogueEntry { CatalogueId = "tmdb:1", Json = "{}", FetchedAt = test.Time.GetUtcNow() }, default);

        async Task LookUpAsync(int i)
        {
            var track = TrackId.New();
            var cycle = CycleId.New();
            await nominations.ListByTrackAsync(track, default);
            await nominations.ListByCycleAsync(cycle, default);
            await cycles.GetCurrentAsync(track, default);
            await cycles.ListByTrackAsync(track, default);
            await ballots.ListByCycleAsync(cycle, default);
            await ballots.CountByCycleAsync(cycle, default);
            await ratings.ListByCycleAsync(cycle, default);
            await ratings.ListByTrackAsync(track, default);
            await picks.ListByTrackAsync(track, default);
            await picks.ListByGuildAsync((ulong)(5000 + i), default);
            await prompts.ListByTrackAsync(track, default);
            await outbox.FindAsync("announcement", cycle.ToString(), default);
            await catalogue.FindAsync($"tmdb:{1000 + i}", default);
        }

        // Each query's first use compiles it; count only what the later, different values add.
        await LookUpAsync(-1);
        var before = CompiledQueries();
        for (var i = 0; i < Lookups; i++)
        {
            await LookUpAsync(i);
        }

        // Values written into the text would add two compiled methods per lookup (the filter and its literal): thousands here.
        // Other tests running at the same time may compile their own few first queries; that stays far below one per lookup.
        Assert.InRange(CompiledQueries() - before, 0, Lookups / 4);
    }

    /// <summary>LiteDB 5.0.20 keeps compiled expressions in two static caches keyed by the expression's text.</summary>
    private static int CompiledQueries() =>
        new[] { "_cacheScalar", "_cacheEnumerable" }
            .Sum(name => ((ICollection)typeof(BsonExpression).GetField(name, BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!).Count);
}
