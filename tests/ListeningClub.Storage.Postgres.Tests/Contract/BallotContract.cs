using ListeningClub.Domain.Common;
using ListeningClub.Storage.Postgres.Tests.Support;
using ListeningClub.Storage.Tests.Support;

namespace ListeningClub.Storage.Postgres.Tests.Contract;

public abstract class BallotContract : ContractTest
{
    [Fact]
    public async Task SecondBallot_SameMemberSameCycle_ReplacesTheFirst()
    {
        var cycle = CycleId.New();
        var first = NominationId.New();
        var second = NominationId.New();

        await Store.Ballots.UpsertAsync(Sample.Ballot(cycle, 10, first), default);
        await Store.Ballots.UpsertAsync(Sample.Ballot(cycle, 10, second, first), default);

        var stored = Assert.Single(await Store.Ballots.ListByCycleAsync(cycle, default));
        Assert.Equal([second, first], stored.Choices);
        Assert.Equal(1, await Store.Ballots.CountByCycleAsync(cycle, default));
    }

    [Fact]
    public async Task ListByCycle_ReturnsOnlyThatCycle_InMemberOrder_IncludingMembersAtTheEdgesOfTheIdRange()
    {
        var cycle = CycleId.New();
        var other = CycleId.New();
        foreach (var member in new[] { ulong.MaxValue, 1UL, (ulong)long.MaxValue + 1, 0UL })
        {
            await Store.Ballots.UpsertAsync(Sample.Ballot(cycle, member), default);
            await Store.Ballots.UpsertAsync(Sample.Ballot(other, member), default);
        }

        var members = (await Store.Ballots.ListByCycleAsync(cycle, default)).Select(b => b.MemberId).ToList();

        Assert.Equal([0UL, 1UL, (ulong)long.MaxValue + 1, ulong.MaxValue], members);
        Assert.Equal(4, await Store.Ballots.CountByCycleAsync(other, default));
        Assert.Equal(0, await Store.Ballots.CountByCycleAsync(CycleId.New(), default));
    }

    [Fact]
    public async Task Get_MissingBallot_IsNull()
    {
        Assert.Null(await Store.Ballots.GetAsync(CycleId.New(), 1, default));
    }

    [Fact]
    public async Task Get_ReturnsTheStoredBallot_ExactlyAsCast()
    {
        var cycle = CycleId.New();
        var ballot = Sample.Ballot(cycle, ulong.MaxValue, NominationId.New(), NominationId.New(), NominationId.New()) with { CastAt = Sample.Now.AddTicks(123) };

        await Store.Ballots.UpsertAsync(ballot, default);

        var stored = await Store.Ballots.GetAsync(cycle, ulong.MaxValue, default);
        Assert.Equal(ballot.Choices, stored!.Choices);
        Assert.Equal(ballot.CastAt.UtcTicks, stored.CastAt.UtcTicks);
    }

    [Fact]
    public async Task Delete_RemovesOnlyThatMembersBallot_AndAMissingOneIsNoError()
    {
        var cycle = CycleId.New();
        await Store.Ballots.UpsertAsync(Sample.Ballot(cycle, 10), default);
        await Store.Ballots.UpsertAsync(Sample.Ballot(cycle, 11), default);

        await Store.Ballots.DeleteAsync(cycle, 10, default);
        await Store.Ballots.DeleteAsync(cycle, 99, default);

        Assert.Null(await Store.Ballots.GetAsync(cycle, 10, default));
        Assert.Equal(11UL, Assert.Single(await Store.Ballots.ListByCycleAsync(cycle, default)).MemberId);
    }

    [Fact]
    public async Task HundredConcurrentWriters_OnTheSameCycle_KeepExactlyOneBallotPerMember_TheLastOneAcknowledged()
    {
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
                await Store.Ballots.UpsertAsync(Sample.Ballot(cycle, (ulong)m + 1, choice), default);
                lastChoice[m] = choice;
            }
        }));
        await Task.WhenAll(writers);

        var stored = await Store.Ballots.ListByCycleAsync(cycle, default);
        Assert.Equal(Members, stored.Count);
        Assert.Equal(Members, stored.Select(b => b.MemberId).Distinct().Count());
        foreach (var ballot in stored)
        {
            Assert.Equal(lastChoice[(int)ballot.MemberId - 1], Assert.Single(ballot.Choices));
        }
    }

    [Fact]
    public async Task HundredWritersRacingForTheSameMember_LeaveOneBallot()
    {
        var cycle = CycleId.New();

        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => Store.Ballots.UpsertAsync(Sample.Ballot(cycle, 42), default))));

        Assert.Equal(1, await Store.Ballots.CountByCycleAsync(cycle, default));
    }

    [Fact]
    public async Task Ballots_SurviveARestart()
    {
        var cycle = CycleId.New();
        await Store.Ballots.UpsertAsync(Sample.Ballot(cycle, 7), default);

        await Store.ReopenAsync();

        Assert.Equal(7UL, Assert.Single(await Store.Ballots.ListByCycleAsync(cycle, default)).MemberId);
    }
}

public sealed class LiteDbBallotContract : BallotContract
{
    protected override Task<StoreUnderTest> OpenStoreAsync() => LiteDbStoreUnderTest.OpenAsync();
}

public sealed class PostgresBallotContract : BallotContract
{
    protected override Task<StoreUnderTest> OpenStoreAsync() => PostgresStoreUnderTest.OpenAsync();
}
