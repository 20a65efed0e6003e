using ListeningClub.Domain.Common;
using ListeningClub.Domain.Nominations;
using ListeningClub.Storage.Repositories;
using ListeningClub.Storage.Tests.Support;

namespace ListeningClub.Storage.Tests.Repositories;

public sealed class NominationRepositoryTests
{
    [Fact]
    public async Task Add_SameFilmTwiceInACycle_ReturnsTheExistingNomination_AndStoresOne()
    {
        await using var test = new TestStore();
        var nominations = new NominationRepository(test.Store);
        var cycle = Sample.Cycle(TrackId.New());
        var first = Sample.Nomination(cycle, member: 10, media: Sample.Film("The Blues Brothers", 1980));
        var again = Sample.Nomination(cycle, member: 11, media: Sample.Film("blues brothers, the", 1980));

        Assert.Null(await nominations.AddAsync(first, default));
        var existing = await nominations.AddAsync(again, default);

        Assert.Equal(first.Id, existing?.Id);
        Assert.Equal(first.Id, Assert.Single(await nominations.ListByCycleAsync(cycle.Id, default)).Id);
    }

    [Fact]
    public async Task Add_SameFilmInAnotherCycle_IsAllowed()
    {
        await using var test = new TestStore();
        var nominations = new NominationRepository(test.Store);
        var track = TrackId.New();
        var one = Sample.Cycle(track, 1);
        var two = Sample.Cycle(track, 2);

        Assert.Null(await nominations.AddAsync(Sample.Nomination(one), default));
        Assert.Null(await nominations.AddAsync(Sample.Nomination(two), default));

        Assert.Equal(2, (await nominations.ListByTrackAsync(track, default)).Count);
    }

    [Fact]
    public async Task Withdrawn_NoLongerBlocksTheSameFilm()
    {
        await using var test = new TestStore();
        var nominations = new NominationRepository(test.Store);
        var cycle = Sample.Cycle(TrackId.New());
        var first = Sample.Nomination(cycle);
        await nominations.AddAsync(first, default);

        await nominations.UpdateAsync(first with { Status = NominationStatus.Withdrawn }, default);
        var second = Sample.Nomination(cycle, member: 12);

        Assert.Null(await nominations.AddAsync(second, default));
        var all = await nominations.ListByCycleAsync(cycle.Id, default);
        Assert.Equal([NominationStatus.Active, NominationStatus.Withdrawn], all.OrderBy(n => n.Status).Select(n => n.Status));
    }

    [Fact]
    public async Task Update_ReactivatingIntoADuplicate_IsAConflict_AndChangesNothing()
    {
        await using var test = new TestStore();
        var nominations = new NominationRepository(test.Store);
        var cycle = Sample.Cycle(TrackId.New());
        var withdrawn = Sample.Nomination(cycle) with { Status = NominationStatus.Withdrawn };
        await nominations.AddAsync(withdrawn, default);
        var active = Sample.Nomination(cycle, member: 12);
        await nominations.AddAsync(active, default);

        await Assert.ThrowsAsync<StorageConflictException>(() => nominations.UpdateAsync(withdrawn with { Status = NominationStatus.Active }, default));

        Assert.Equal(NominationStatus.Withdrawn, (await nominations.GetAsync(withdrawn.Id, default))!.Status);
    }

    [Fact]
    public async Task HundredMembersNominatingTheSameFilmAtOnce_StoreOne_AndEveryOtherGetsIt()
    {
        await using var test = new TestStore();
        var nominations = new NominationRepository(test.Store);
        var cycle = Sample.Cycle(TrackId.New());

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(m => Task.Run(() =>
            nominations.AddAsync(Sample.Nomination(cycle, member: (ulong)m), default))));

        var stored = Assert.Single(await nominations.ListByCycleAsync(cycle.Id, default));
        Assert.Equal(1, results.Count(r => r is null));
        Assert.All(results.Where(r => r is not null), r => Assert.Equal(stored.Id, r!.Id));
    }

    [Fact]
    public async Task AddRange_CarriesNominationsIntoANewCycle_InOneGo_OldestFirst()
    {
        await using var test = new TestStore();
        var nominations = new NominationRepository(test.Store);
        var cycle = Sample.Cycle(TrackId.New(), 2);
        var carried = Enumerable.Range(0, 5)
            .Select(i => Sample.Nomination(cycle, member: (ulong)i, media: Sample.Film($"Film {i}"), at: Sample.Now.AddMinutes(-i)) with { CarriedOver = 1 })
            .ToList();

        await nominations.AddRangeAsync(carried, default);

        var stored = await nominations.ListByCycleAsync(cycle.Id, default);
        Assert.Equal(carried.OrderBy(n => n.NominatedAt).Select(n => n.Id), stored.Select(n => n.Id));
        Assert.All(stored, n => Assert.Equal(1, n.CarriedOver));
    }

    [Fact]
    public async Task Update_UnknownNomination_Throws()
    {
        await using var test = new TestStore();

        await Assert.ThrowsAsync<InvalidOperationException>(() => new NominationRepository(test.Store).UpdateAsync(Sample.Nomination(Sample.Cycle(TrackId.New())), default));
    }
}
