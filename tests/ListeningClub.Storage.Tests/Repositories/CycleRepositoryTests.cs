using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Storage.Repositories;
using ListeningClub.Storage.Tests.Support;

namespace ListeningClub.Storage.Tests.Repositories;

public sealed class CycleRepositoryTests
{
    [Fact]
    public async Task Current_IsTheHighestNumber_AndListIsOldestFirst()
    {
        await using var test = new TestStore();
        var cycles = new CycleRepository(test.Store);
        var track = TrackId.New();
        foreach (var number in new[] { 3, 1, 12, 2 })
        {
            await cycles.SaveAsync(Sample.Cycle(track, number), default);
        }

        await cycles.SaveAsync(Sample.Cycle(TrackId.New(), 99), default);

        Assert.Equal(12, (await cycles.GetCurrentAsync(track, default))!.Number);
        Assert.Equal([1, 2, 3, 12], (await cycles.ListByTrackAsync(track, default)).Select(c => c.Number));
        Assert.Null(await cycles.GetCurrentAsync(TrackId.New(), default));
    }

    [Fact]
    public async Task Save_ReplacesTheCycle_WhenItsPhaseChanges()
    {
        await using var test = new TestStore();
        var cycles = new CycleRepository(test.Store);
        var cycle = Sample.Cycle(TrackId.New());
        await cycles.SaveAsync(cycle, default);

        var announced = cycle with { Phase = CyclePhase.Announced, PickId = NominationId.New(), AnnouncedAt = Sample.Now.AddDays(4) };
        await cycles.SaveAsync(announced, default);

        Assert.Equal(announced, await cycles.GetAsync(cycle.Id, default));
        Assert.Single(await cycles.ListByTrackAsync(cycle.TrackId, default));
    }

    [Fact]
    public async Task TwoCyclesWithTheSameNumberInATrack_AreAConflict()
    {
        await using var test = new TestStore();
        var cycles = new CycleRepository(test.Store);
        var track = TrackId.New();
        await cycles.SaveAsync(Sample.Cycle(track, 1), default);

        var error = await Assert.ThrowsAsync<StorageConflictException>(() => cycles.SaveAsync(Sample.Cycle(track, 1), default));

        Assert.Contains("cycle number 1", error.Message, StringComparison.Ordinal);
        Assert.Single(await cycles.ListByTrackAsync(track, default));
    }
}
