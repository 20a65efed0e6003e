using ListeningClub.Domain.Common;
using ListeningClub.Storage.Repositories;
using ListeningClub.Storage.Tests.Support;

namespace ListeningClub.Storage.Tests.Repositories;

public sealed class BallotRepositoryTests
{
    [Fact]
    public async Task SecondBallot_SameMemberSameCycle_ReplacesTheFirst()
    {
        await using var test = new TestStore();
        var ballots = new BallotRepository(test.Store);
        var cycle = CycleId.New();
        var first = NominationId.New();
        var second = NominationId.New();

        await ballots.UpsertAsync(Sample.Ballot(cycle, 10, first), default);
        await ballots.UpsertAsync(Sample.Ballot(cycle, 10, second, first), default);

        var stored = Assert.Single(await ballots.ListByCycleAsync(cycle, default));
        Assert.Equal([second, first], stored.Choices);
        Assert.Equal(1, await ballots.CountByCycleAsync(cycle, default));
    }

    [Fact]
    public async Task ListByCycle_ReturnsOnlyThatCycle_IncludingMembersAtTheEdgesOfTheIdRange()
    {
        await using var test = new TestStore();
        var ballots = new BallotRepository(test.Store);
        var cycle = CycleId.New();
        var other = CycleId.New();
        foreach (var member in new[] { 0UL, 1UL, (ulong)long.MaxValue + 1, ulong.MaxValue })
        {
            await ballots.UpsertAsync(Sample.Ballot(cycle, member), default);
            await ballots.UpsertAsync(Sample.Ballot(other, member), default);
        }

        var members = (await ballots.ListByCycleAsync(cycle, default)).Select(b => b.MemberId).Order().ToList();

        Assert.Equal([0UL, 1UL, (ulong)long.MaxValue + 1, ulong.MaxValue], members);
        Assert.Equal(4, await ballots.CountByCycleAsync(other, default));
        Assert.Equal(0, await ballots.CountByCycleAsync(CycleId.New(), default));
    }

    [Fact]
    public async Task Get_MissingBallot_IsNull()
    {
        await using var test = new TestStore();

        Assert.Null(await new BallotRepository(test.Store).GetAsync(CycleId.New(), 1, default));
    }

    [Fact]
    public async Task HundredConcurrentWriters_OnTheSameCycle_KeepExactlyOneBallotPerMember_TheLastOneAcknowledged()
    {
        await using var test = new TestStore();
        var ballots = new BallotRepository(test.Store);
        var cycle = CycleId.New();
        const int Members = 100;
        const int BallotsEach = 5;
        var lastChoice = new NominationId[Members];

        // 100 writers, one per member, each changing their vote 5 times as fast as the store acknowledges.
        var writers = Enumerable.Range(0, Members).Select(m => Task.Run(async () =>
        {
            for (var i = 0; i < BallotsEach; i++)
            {
                var choice = NominationId.New();
                await ballots.UpsertAsync(Sample.Ballot(cycle, (ulong)m + 1, choice), default);
                lastChoice[m] = choice;
            }
        }));
        await Task.WhenAll(writers);

        var stored = await ballots.ListByCycleAsync(cycle, default);
        Assert.Equal(Members, stored.Count);
        Assert.Equal(Members, stored.Select(b => b.MemberId).Distinct().Count());
        foreach (var ballot in stored)
        {
            Assert.Equal(lastChoice[(int)ballot.MemberId - 1], Assert.Single(ballot.Choices));
        }

        Assert.True(test.Store.Commits < Members * BallotsEach, "concurrent writers should share commits");
    }

    [Fact]
    public async Task HundredWritersRacingForTheSameMember_LeaveOneBallot()
    {
        await using var test = new TestStore();
        var ballots = new BallotRepository(test.Store);
        var cycle = CycleId.New();

        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => ballots.UpsertAsync(Sample.Ballot(cycle, 42), default))));

        Assert.Equal(1, await ballots.CountByCycleAsync(cycle, default));
    }
}
