using ListeningClub.Catalogue.Http;
using ListeningClub.Catalogue.MusicBrainz;
using Microsoft.Extensions.Time.Testing;

namespace ListeningClub.Catalogue.Tests.MusicBrainz;

public sealed class MusicBrainzRateGateTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void FirstRequest_GoesAtOnce_TheNextExactlyOneSecondLater()
    {
        var gate = Gate();
        Assert.True(gate.WaitTurnAsync(CancellationToken.None).IsCompletedSuccessfully);

        var second = gate.WaitTurnAsync(CancellationToken.None);
        _time.Advance(Second - TimeSpan.FromTicks(1));
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromTicks(1));
        Assert.True(second.IsCompletedSuccessfully);
    }

    [Fact]
    public void Waiters_AreServedFirstComeFirstServed_OnePerSecond()
    {
        var gate = Gate();
        gate.WaitTurnAsync(CancellationToken.None);
        var waiters = Enumerable.Range(0, 5).Select(_ => gate.WaitTurnAsync(CancellationToken.None)).ToList();

        for (var released = 1; released <= 5; released++)
        {
            _time.Advance(Second);
            Assert.Equal(released, waiters.Count(w => w.IsCompletedSuccessfully));
            Assert.True(waiters.Take(released).All(w => w.IsCompletedSuccessfully), "an earlier waiter is still waiting");
        }
    }

    [Fact]
    public void AWaiterThatGivesUp_LeavesTheQueue_AndTheNextTakesItsTurn()
    {
        var gate = Gate();
        gate.WaitTurnAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var first = gate.WaitTurnAsync(CancellationToken.None);
        var quitter = gate.WaitTurnAsync(cancel.Token);
        var third = gate.WaitTurnAsync(CancellationToken.None);

        cancel.Cancel();
        Assert.True(quitter.IsCanceled);
        Assert.Equal(2, gate.QueueLength);

        _time.Advance(Second);
        Assert.True(first.IsCompletedSuccessfully);
        _time.Advance(Second);
        Assert.True(third.IsCompletedSuccessfully, "the slot of the waiter who left is not wasted");
        Assert.Equal(0, gate.QueueLength);
    }

    [Fact]
    public void BackOff_HoldsEveryone_UntilItHasPassed()
    {
        var gate = Gate();
        gate.WaitTurnAsync(CancellationToken.None);
        gate.BackOff(TimeSpan.FromSeconds(5));
        var next = gate.WaitTurnAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(next.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(next.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task AFullQueue_AnswersBusyAtOnce()
    {
        var gate = Gate(maxQueue: 2);
        _ = gate.WaitTurnAsync(CancellationToken.None);
        _ = gate.WaitTurnAsync(CancellationToken.None);
        _ = gate.WaitTurnAsync(CancellationToken.None);

        var refused = gate.WaitTurnAsync(CancellationToken.None);
        await Assert.ThrowsAsync<CatalogueBusyException>(() => refused);
        Assert.Equal(TimeSpan.FromSeconds(3), gate.EstimatedWait); // a second until the first queued goes, then one each
    }

    [Fact]
    public void AnIdleGate_LetsTheNextRequestGoAtOnce()
    {
        var gate = Gate();
        gate.WaitTurnAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(gate.WaitTurnAsync(CancellationToken.None).IsCompletedSuccessfully);
        Assert.Equal(Second, gate.EstimatedWait);
    }

    private MusicBrainzRateGate Gate(int maxQueue = 20) => new(_time, () => (Second, maxQueue));
}
