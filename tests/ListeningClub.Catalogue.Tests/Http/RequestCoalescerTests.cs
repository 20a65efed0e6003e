using ListeningClub.Catalogue.Http;

namespace ListeningClub.Catalogue.Tests.Http;

public sealed class RequestCoalescerTests
{
    [Fact]
    public async Task IdenticalRequestsInFlight_ShareOneCall_AndEveryCallerGetsTheAnswer()
    {
        var coalescer = new RequestCoalescer();
        var calls = 0;
        var answer = new TaskCompletionSource<string>();
        var callers = Enumerable.Range(0, 5).Select(_ => coalescer.RunAsync("GET /x", _ =>
        {
            Interlocked.Increment(ref calls);
            return answer.Task;
        }, CancellationToken.None)).ToList();

        answer.SetResult("ok");
        var answers = await Task.WhenAll(callers);
        Assert.All(answers, a => Assert.Equal("ok", a));
        Assert.Equal(1, calls);
        Assert.Equal(0, coalescer.InFlight);
    }

    [Fact]
    public async Task OneCallerGivingUp_DoesNotStopTheCallForTheOthers()
    {
        var coalescer = new RequestCoalescer();
        var answer = new TaskCompletionSource<string>();
        CancellationToken shared = default;
        using var quit = new CancellationTokenSource();
        var quitter = coalescer.RunAsync("k", token =>
        {
            shared = token;
            return answer.Task;
        }, quit.Token);
        var stayer = coalescer.RunAsync("k", _ => Task.FromResult("second call"), CancellationToken.None);

        quit.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => quitter);
        Assert.False(shared.IsCancellationRequested);
        answer.SetResult("first call");
        Assert.Equal("first call", await stayer);
    }

    [Fact]
    public async Task EveryCallerGivingUp_CancelsTheCall_AndTheNextCallerStartsAfresh()
    {
        var coalescer = new RequestCoalescer();
        CancellationToken shared = default;
        using var quit = new CancellationTokenSource();
        var quitter = coalescer.RunAsync("k", token =>
        {
            shared = token;
            return Task.Delay(Timeout.Infinite, token).ContinueWith(_ => "never", TaskScheduler.Default);
        }, quit.Token);

        quit.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => quitter);
        Assert.True(shared.IsCancellationRequested);
        Assert.Equal("fresh", await coalescer.RunAsync("k", _ => Task.FromResult("fresh"), CancellationToken.None));
    }

    [Fact]
    public async Task DifferentKeys_AreDifferentCalls()
    {
        var coalescer = new RequestCoalescer();
        var a = coalescer.RunAsync("a", _ => Task.FromResult(1), CancellationToken.None);
        var b = coalescer.RunAsync("b", _ => Task.FromResult(2), CancellationToken.None);
        var answers = await Task.WhenAll(a, b);
        Assert.Equal([1, 2], answers);
    }
}
