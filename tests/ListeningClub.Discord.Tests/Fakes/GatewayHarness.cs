using ListeningClub.Discord.Configuration;
using ListeningClub.Discord.Fatal;
using ListeningClub.Discord.Gateway;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ListeningClub.Discord.Tests.Fakes;

/// <summary>A gateway client over the scripted gateway, with a fake clock and a fixed jitter of 0.5.</summary>
public sealed class GatewayHarness : IAsyncDisposable
{
    public const string Token = "gateway-token";
    private readonly CancellationTokenSource _stop = new();

    public GatewayHarness(Action<DiscordOptions>? configure = null)
    {
        var options = new DiscordOptions { Token = Token };
        configure?.Invoke(options);
        Options = Microsoft.Extensions.Options.Options.Create(options);
        Dispatches = new GatewayDispatchChannel(Options);
        Fatal = new DiscordFatalErrors(NullLogger<DiscordFatalErrors>.Instance);
        Client = new GatewayClient(Server, Api, Dispatches, Options, Clock, Fatal, NullLogger<GatewayClient>.Instance, new IdentifyGate(Clock), new GatewayShard(0, 1))
        {
            NextJitter = () => 0.5,
        };
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    public ScriptedGateway Server { get; } = new();

    public FakeGatewayApi Api { get; } = new();

    public IOptions<DiscordOptions> Options { get; }

    public GatewayDispatchChannel Dispatches { get; }

    public DiscordFatalErrors Fatal { get; }

    public GatewayClient Client { get; }

    public Task? Running { get; private set; }

    public void Start() => Running = Client.RunAsync(_stop.Token);

    /// <summary>Connects, says Hello, reads the Identify, sends READY at sequence 1.</summary>
    public async Task<ScriptedConnection> ConnectAndReadyAsync(int heartbeatMs = 40_000)
    {
        var connection = await Server.NextConnectionAsync();
        connection.Hello(heartbeatMs);
        await connection.NextSentAsync(2);
        connection.Ready(1);
        await Eventually.True(() => Client.SessionId is not null, "READY is processed");
        return connection;
    }

    public List<GatewayDispatch> DrainDispatches()
    {
        var list = new List<GatewayDispatch>();
        while (Dispatches.Reader.TryRead(out var d))
        {
            list.Add(d);
        }

        return list;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (Running is not null)
        {
            await Running.WaitAsync(TimeSpan.FromSeconds(10));
        }

        _stop.Dispose();
        Fatal.Dispose();
    }
}
