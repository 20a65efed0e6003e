using ListeningClub.Domain.Common;
using ListeningClub.Domain.Nominations;
using ListeningClub.Storage.Postgres.Tests.Support;
using ListeningClub.Storage.Tests.Support;

namespace ListeningClub.Storage.Postgres.Tests.Contract;

public abstract class NominationContract : ContractTest
{
    [Fact]
    public async Task Add_SameFilmTwiceInACycle_ReturnsTheExistingNomination_AndStoresOne()
    {
        var cycle = Sample.Cycle(TrackId.New());
        var first = Sample.Nomination(cycle, member: 10, media: Sample.Film("The Blues Brothers", 1980));
        var again = Sample.Nomination(cycle, member: 11, media: Sample.Film("blues brothers, the", 1980));

        Assert.Null(await Store.Nominations.AddAsync(first, default));
        var existing = await Store.Nominations.AddAsync(again, default);

        Assert.Equal(first, existing);
        Assert.Equal(first.Id, Assert.Single(await Store.Nominations.ListByCycleAsync(cycle.Id, default)).Id);
    }

    [Fact]
    public async Task Add_SameFilmInAnotherCycle_IsAllowed()
    {
        var track = TrackId.New();
        var one = Sample.Cycle(track, 1);
        var two = Sample.Cycle(track, 2);

        Assert.Null(await Store.Nominations.AddAsync(Sample.Nomination(one), default));
        Assert.Null(await Store.Nominations.AddAsync(Sample.Nomination(two), default));

        Assert.Equal(2, (await Store.Nominations.ListByTrackAsync(track, default)).Count);
    }

    [Fact]
    public async Task Withdrawn_NoLongerBlocksTheSameFilm()
    {
        var cycle = Sample.Cycle(TrackId.New());
        var first = Sample.Nomination(cycle);
        await Store.Nominations.AddAsync(first, default);

        await Store.Nominations.UpdateAsync(first with { Status = NominationStatus.Withdrawn }, default);
        var second = Sample.Nomination(cycle, member: 12);

        Assert.Null(await Store.Nominations.AddAsync(second, default));
        var all = await Store.Nominations.ListByCycleAsync(cycle.Id, default);
        Assert.Equal([NominationStatus.Active, NominationStatus.Withdrawn], all.OrderBy(n => n.Status).Select(n => n.Status));
    }

    [Fact]
    public async Task Update_ReactivatingIntoADuplicate_IsAConflict_AndChangesNothing()
    {
        var cycle = Sample.Cycle(TrackId.New());
        var withdrawn = Sample.Nomination(cycle) with { Status = NominationStatus.Withdrawn };
        await Store.Nominations.AddAsync(withdrawn, default);
        var active = Sample.Nomination(cycle, member: 12);
        await Store.Nominations.AddAsync(active, default);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Store.Nominations.UpdateAsync(withdrawn with { Status = NominationStatus.Active }, default));

        Assert.True(Store.IsConflict(error), $"expected a conflict, got {error.GetType().Name}: {error.Message}");
        Assert.Equal(NominationStatus.Withdrawn, (await Store.Nominations.GetAsync(withdrawn.Id, default))!.Status);
    }

    [Fact]
    public async Task HundredMembersNominatingTheSameFilmAtOnce_StoreOne_AndEveryOtherGetsIt()
    {
        var cycle = Sample.Cycle(TrackId.New());

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(m => Task.Run(() =>
            Store.Nominations.AddAsync(Sample.Nomination(cycle, member: (ulong)m), default))));

        var stored = Assert.Single(await Store.Nominations.ListByCycleAsync(cycle.Id, default));
        Assert.Equal(1, results.Count(r => r is null));
        Assert.All(results.Where(r => r is not null), r => Assert.Equal(stored.Id, r!.Id));
    }

    [Fact]
    public async Task AddRange_CarriesNominationsIntoANewCycle_InOneGo_OldestFirst()
    {
        var cycle = Sample.Cycle(TrackId.New(), 2);
        var carried = Enumerable.Range(0, 5)
            .Select(i => Sample.Nomination(cycle, member: (ulong)i, media: Sample.Film($"Film {i}"), at: Sample.Now.AddMinutes(-i)) with { CarriedOver = 1 })
            .ToList();

        await Store.Nominations.AddRangeAsync(carried, default);

        var stored = await Store.Nominations.ListByCycleAsync(cycle.Id, default);
        Assert.Equal(carried.OrderBy(n => n.NominatedAt).Select(n => n.Id), stored.Select(n => n.Id));
        Assert.All(stored, n => Assert.Equal(1, n.CarriedOver));
    }

    [Fact]
    public async Task AddRange_WithADuplicateOfAnActiveNomination_IsAConflict_AndStoresNoneOfThem()
    {
        var cycle = Sample.Cycle(TrackId.New(), 2);
        await Store.Nominations.AddAsync(Sample.Nomination(cycle, media: Sample.Film("Heat", 1995)), default);
        var carried = new[] { Sample.Nomination(cycle, member: 2, media: Sample.Film("Alien", 1979)), Sample.Nomination(cycle, member: 3, media: Sample.Film("Heat", 1995)) };

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Store.Nominations.AddRangeAsync(carried, default));

        Assert.True(Store.IsConflict(error), $"expected a conflict, got {error.GetType().Name}: {error.Message}");
        Assert.Single(await Store.Nominations.ListByCycleAsync(cycle.Id, default));
    }

    [Fact]
    public async Task Update_UnknownNomination_Throws()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.Nominations.UpdateAsync(Sample.Nomination(Sample.Cycle(TrackId.New())), default));
    }

    [Fact]
    public async Task ListByTrack_IsOldestFirst_AcrossCycles_WhateverTheStatus()
    {
        var track = TrackId.New();
        var one = Sample.Cycle(track, 1);
        var two = Sample.Cycle(track, 2);
        var late = Sample.Nomination(one, media: Sample.Film("B"), at: Sample.Now.AddDays(1)) with { Status = NominationStatus.Vetoed, VetoReason = "off-topic" };
        var early = Sample.Nomination(two, media: Sample.Film("A"), at: Sample.Now.AddDays(-1));
        await Store.Nominations.AddAsync(late, default);
        await Store.Nominations.AddAsync(early, default);

        var stored = await Store.Nominations.ListByTrackAsync(track, default);

        Assert.Equal([early, late], stored);
    }
}

public sealed class LiteDbNominationContract : NominationContract
{
    protected override Task<StoreUnderTest> OpenStoreAsync() => LiteDbStoreUnderTest.OpenAsync();
}

public sealed class PostgresNominationContract : NominationContract
{
    protected override Task<StoreUnderTest> OpenStoreAsync() => PostgresStoreUnderTest.OpenAsync();
}
