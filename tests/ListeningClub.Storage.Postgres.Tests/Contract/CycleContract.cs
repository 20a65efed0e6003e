using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Storage.Postgres.Tests.Support;
using ListeningClub.Storage.Tests.Support;

namespace ListeningClub.Storage.Postgres.Tests.Contract;

public abstract class CycleContract : ContractTest
{
    [Fact]
    public async Task Current_IsTheHighestNumber_AndListIsOldestFirst()
    {
        var track = TrackId.New();
        foreach (var number in new[] { 3, 1, 12, 2 })
        {
            await Store.Cycles.SaveAsync(Sample.Cycle(track, number), default);
        }

        await Store.Cycles.SaveAsync(Sample.Cycle(TrackId.New(), 99), default);

        Assert.Equal(12, (await Store.Cycles.GetCurrentAsync(track, default))!.Number);
        Assert.Equal([1, 2, 3, 12], (await Store.Cycles.ListByTrackAsync(track, default)).Select(c => c.Number));
        Assert.Null(await Store.Cycles.GetCurrentAsync(TrackId.New(), default));
    }

    [Fact]
    public async Task Save_ReplacesTheCycle_WhenItsPhaseChanges()
    {
        var cycle = Sample.Cycle(TrackId.New());
        await Store.Cycles.SaveAsync(cycle, default);

        var announced = cycle with { Phase = CyclePhase.Announced, PickId = NominationId.New(), AnnouncedAt = Sample.Now.AddDays(4) };
        await Store.Cycles.SaveAsync(announced, default);

        Assert.Equal(announced, await Store.Cycles.GetAsync(cycle.Id, default));
        Assert.Single(await Store.Cycles.ListByTrackAsync(cycle.TrackId, default));
    }

    [Fact]
    public async Task TwoCyclesWithTheSameNumberInATrack_AreAConflict()
    {
        var track = TrackId.New();
        await Store.Cycles.SaveAsync(Sample.Cycle(track, 1), default);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Store.Cycles.SaveAsync(Sample.Cycle(track, 1), default));

        Assert.True(Store.IsConflict(error), $"expected a conflict, got {error.GetType().Name}: {error.Message}");
        Assert.Contains("cycle number 1", error.Message, StringComparison.Ordinal);
        Assert.Single(await Store.Cycles.ListByTrackAsync(track, default));
    }

    [Fact]
    public async Task Get_UnknownCycle_IsNull()
    {
        Assert.Null(await Store.Cycles.GetAsync(CycleId.New(), default));
    }
}

public sealed class LiteDbCycleContract : CycleContract
{
    protected override Task<StoreUnderTest> OpenStoreAsync() => LiteDbStoreUnderTest.OpenAsync();
}

public sealed class PostgresCycleContract : CycleContract
{
    protected override Task<StoreUnderTest> OpenStoreAsync() => PostgresStoreUnderTest.OpenAsync();
}
