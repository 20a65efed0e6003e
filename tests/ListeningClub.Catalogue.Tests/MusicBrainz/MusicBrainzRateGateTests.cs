using ListeningClub.Catalogue.Http;
using ListeningClub.Catalogue.MusicBrainz;
using Microsoft.Extensions.Time.Testing;

namespace ListeningClub.Catalogue.Tests.MusicBrainz;

public sealed class MusicBrainzRateGateTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void FirstRequest_GoesAtOnce_TheNextExactlyOneSecondAfterItsAnswer()
    {
        var gate = Gate();
        Assert.True(gate.WaitTurnAsync(CancellationToken.None).IsCompletedSuccessfully);

        var second = gate.WaitTurnAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(300)); // the first request's answer takes 300 ms
        gate.Finished();
        _time.Advance(Second - TimeSpan.FromTicks(1));
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromTicks(1));
        Assert.True(second.IsCompletedSuccessfully);
    }

    /// <summary>
    /// MusicBrainz counts requests as they arrive. A request that left on time but was slow on the way (it is answered
    /// late) must not let the next one arrive less than a second after it: nothing goes while one is unanswered.
    /// </summary>
    [Fact]
    public void WhileARequestIsUnanswered_NoOtherGoes_HoweverLongItTakes()
    {
        var gate = Gate();
        gate.WaitTurnAsync(CancellationToken.None);
        var next = gate.WaitTurnAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(next.IsCompleted);
        Assert.Equal(TimeSpan.FromSeconds(2), gate.EstimatedWait); // no answer time known yet: the interval after the one in flight, then one for the waiter

        gate.Finished();
        _time.Advance(Second);
        Assert.True(next.IsCompletedSuccessfully);
    }

    [Fact]
    public void Waiters_AreServedFirstComeFirstServed_OneASecondAfterEachAnswer()
    {
        var gate = Gate();
        gate.WaitTurnAsync(CancellationToken.None);
        var waiters = Enumerable.Range(0, 5).Select(_ => gate.WaitTurnAsync(CancellationToken.None)).ToList();

        for (var released = 1; released <= 5; released++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(200));
            gate.Finished();
            _time.Advance(Second);
            Assert.Equal(released, waiters.Count(w => w.IsCompletedSuccessfully));
            Assert.True(waiters.Take(released).All(w => w.IsCompletedSuccessfully), "an earlier waiter is still waiting");
        }

        Assert.Equal(TimeSpan.FromSeconds(1.2), gate.EstimatedWait); // the one in flight: its typical 200 ms, then the interval
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

        gate.Finished();
        _time.Advance(Second);
        Assert.True(first.IsCompletedSuccessfully);
        gate.Finished();
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
        gate.Finished();
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
        gate.Finished();
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(gate.WaitTurnAsync(CancellationToken.None).IsCompletedSuccessfully);
        Assert.Equal(Second, gate.EstimatedWait); // the one just gone, answered at once so far as we know, then the interval
    }

    private MusicBrainzRateGate Gate(int maxQueue = 20) => new(_time, () => (Second, maxQueue));
}
