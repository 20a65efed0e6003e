using ListeningClub.Domain.Common;
using ListeningClub.Storage.Repositories;
using ListeningClub.Storage.Tests.Support;

namespace ListeningClub.Storage.Tests.Engine;

public sealed class CrashDurabilityTests
{
    private static readonly CycleId ProbeCycle = new(Guid.Parse("6d1c3b0e-7f43-4a8e-9a51-0c2b8f9e4d11"));

    /// <summary>
    /// A child process votes through the real store with 16 concurrent voters and prints each ballot once it is
    /// acknowledged; it is SIGKILLed at a random moment. After every kill the file must reopen and hold every
    /// acknowledged ballot. The same folder is reused, so later rounds also reopen files that survived earlier crashes.
    /// Every other round the probe's log limit is 50 pages, so the writer checkpoints every few commits and kills
    /// also land inside checkpoints.
    /// </summary>
    [Fact]
    public async Task KilledDuringAVoteBurst_ThirtyTimes_LosesNoAcknowledgedBallot()
    {
        using var folder = new TempFolder();
        var random = new Random(20261124);
        var allAcknowledged = new List<ulong>();

        for (var round = 0; round < 30; round++)
        {
            using (var probe = round % 2 == 0 ? ProbeProcess.Start("ballots", folder.Path, "16") : ProbeProcess.Start("ballots", folder.Path, "16", "50"))
            {
                await probe.WaitReadyAsync();
                await Task.Delay(random.Next(20, 250));
                probe.KillHard();
                allAcknowledged.AddRange(probe.Acknowledged);
            }

            await using var reopened = new TestStore(folder.Path);
            var stored = (await new BallotRepository(reopened.Store).ListByCycleAsync(ProbeCycle, CancellationToken.None))
                .Select(ballot => ballot.MemberId)
                .ToHashSet();
            var lost = allAcknowledged.Where(member => !stored.Contains(member)).ToList();
            Assert.True(lost.Count == 0, $"round {round}: {lost.Count} acknowledged ballots missing after the kill (of {allAcknowledged.Count})");
        }

        Assert.True(allAcknowledged.Count > 0, "the probe never acknowledged a ballot, so nothing was tested");
    }
}
