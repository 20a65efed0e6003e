using ListeningClub.Domain.Common;
using ListeningClub.Storage.Repositories;
using ListeningClub.Storage.Tests.Support;

namespace ListeningClub.Storage.Tests.Repositories;

/// <summary>
/// LiteDB-only: the ballot rules every store keeps are in the repository contract
/// (tests/ListeningClub.Storage.Postgres.Tests/Contract), run against LiteDB and PostgreSQL alike.
/// </summary>
public sealed class BallotRepositoryTests
{
    [Fact]
    public async Task HundredConcurrentWriters_ShareCommits_ThroughTheSingleWriter()
    {
        await using var test = new TestStore();
        var ballots = new BallotRepository(test.Store);
        var cycle = CycleId.New();
        const int Members = 100;
        const int BallotsEach = 5;

        var writers = Enumerable.Range(0, Members).Select(m => Task.Run(async () =>
        {
            for (var i = 0; i < BallotsEach; i++)
            {
                await ballots.UpsertAsync(Sample.Ballot(cycle, (ulong)m + 1, NominationId.New()), default);
            }
        }));
        await Task.WhenAll(writers);

        Assert.Equal(Members, await ballots.CountByCycleAsync(cycle, default));
        Assert.True(test.Store.Commits < Members * BallotsEach, "concurrent writers should share commits");
    }
}
