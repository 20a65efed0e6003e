using System.Collections.Concurrent;
using ListeningClub.Discord.Gateway;
using ListeningClub.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Discord.Tests.Gateway;

public sealed class GatewayDispatcherTests
{
    public sealed class Journal
    {
        public ConcurrentQueue<(string Name, int Sequence, int ScopeId)> Handled { get; } = new();

        public ManualResetEventSlim Release { get; } = new(false);

        private int _started;

        public int Started => Volatile.Read(ref _started);

        public void MarkStarted() => Interlocked.Increment(ref _started);
    }

    /// <summary>Blocks its thread (like a CPU-bound handler) until the test releases it.</summary>
    public sealed class BlockingHandler(Journal journal) : IGatewayDispatchHandler
    {
        public bool Wants(string eventName) => eventName == "SLOW";

        public Task HandleAsync(GatewayDispatch dispatch, CancellationToken ct)
        {
            journal.MarkStarted();
            journal.Release.Wait(TimeSpan.FromSeconds(30), CancellationToken.None);
            return Task.CompletedTask;
        }
    }

    public sealed class ScopeProbe
    {
        private static int s_next;

        public int Id { get; } = Interlocked.Increment(ref s_next);
    }

    public sealed class RecordingHandler(Journal journal, ScopeProbe scope) : IGatewayDispatchHandler
    {
        public bool Wants(string eventName) => eventName is "GOOD" or "BAD";

        public Task HandleAsync(GatewayDispatch dispatch, CancellationToken ct)
        {
            if (dispatch.Name == "BAD")
            {
                throw new InvalidOperationException("handler bug");
            }

            journal.Handled.Enqueue((dispatch.Name, dispatch.Sequence, scope.Id));
            return Task.CompletedTask;
        }
    }

    private static (GatewayDispatcher Dispatcher, Journal Journal, ServiceProvider Services) Build(GatewayHarness h)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<Journal>();
        services.AddScoped<ScopeProbe>();
        services.AddScoped<IGatewayDispatchHandler, BlockingHandler>();
        services.AddScoped<IGatewayDispatchHandler, RecordingHandler>();
        services.AddSingleton(h.Options);
        services.AddSingleton(h.Dispatches);
        services.AddSingleton<GatewayDispatcher>();
        var provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<GatewayDispatcher>(), provider.GetRequiredService<Journal>(), provider);
    }

    [Fact]
    public async Task Heartbeats_StayOnTime_WhileHandlersBlockTheirThreads()
    {
        await using var h = new GatewayHarness(o => o.MaxConcurrentDispatches = 4);
        var (dispatcher, journal, services) = Build(h);
        using var stop = new CancellationTokenSource();
        var dispatching = dispatcher.RunAsync(stop.Token);
        h.Start();
        var connection = await h.ConnectAndReadyAsync(heartbeatMs: 1000);
        connection.Dispatch("SLOW", 2, "{}");
        connection.Dispatch("SLOW", 3, "{}");
        await Eventually.True(() => journal.Started == 2, "both handlers are blocking");

        // Move the fake clock in small steps (the heartbeat timer may arm a moment after READY on a busy machine)
        // and check each heartbeat arrives within one interval of the previous one while both handlers block.
        var elapsed = TimeSpan.Zero;
        for (var beat = 1; beat <= 3; beat++)
        {
            var before = connection.HeartbeatCount;
            var waited = TimeSpan.Zero;
            while (connection.HeartbeatCount == before && waited < TimeSpan.FromSeconds(5))
            {
                h.Clock.Advance(TimeSpan.FromMilliseconds(100));
                waited += TimeSpan.FromMilliseconds(100);
                await Eventually.Settle();
            }

            await connection.NextSentAsync(1);
            connection.Ack();
            await Eventually.Settle();
            Assert.True(beat == 1 || waited <= TimeSpan.FromMilliseconds(1100), $"heartbeat {beat} came {waited.TotalMilliseconds} ms after the previous one");
            elapsed += waited;
        }

        Assert.True(elapsed <= TimeSpan.FromMilliseconds(3400), $"three heartbeats took {elapsed.TotalMilliseconds} ms of a 1000 ms interval");

        Assert.True(connection.HeartbeatCount >= 3);
        Assert.Null(connection.ClientCloseCode);
        Assert.Equal(1, h.Server.ConnectionCount);

        journal.Release.Set();
        await stop.CancelAsync();
        await dispatching.WaitAsync(TimeSpan.FromSeconds(10));
        await services.DisposeAsync();
    }

    [Fact]
    public async Task FailingHandler_IsLogged_AndLaterDispatchesStillRun_EachInItsOwnScope()
    {
        await using var h = new GatewayHarness();
        var (dispatcher, journal, services) = Build(h);
        using var stop = new CancellationTokenSource();
        var dispatching = dispatcher.RunAsync(stop.Token);
        h.Start();
        var connection = await h.ConnectAndReadyAsync();

        connection.Dispatch("BAD", 2, "{}");
        connection.Dispatch("GOOD", 3, "{}");
        connection.Dispatch("GOOD", 4, "{}");
        await Eventually.True(() => journal.Handled.Count == 2, "the good dispatches are handled");

        Assert.Equal([3, 4], journal.Handled.Select(x => x.Sequence).Order());
        Assert.Equal(2, journal.Handled.Select(x => x.ScopeId).Distinct().Count());
        await stop.CancelAsync();
        await dispatching.WaitAsync(TimeSpan.FromSeconds(10));
        await services.DisposeAsync();
    }
}
