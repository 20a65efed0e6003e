using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using ListeningClub.Discord.Gateway;

namespace ListeningClub.Discord.Tests.Fakes;

/// <summary>Plays Discord's gateway: every connection the client opens is handed to the test to script.</summary>
public sealed class ScriptedGateway : IGatewayTransportFactory
{
    private readonly Channel<ScriptedConnection> _connections = Channel.CreateUnbounded<ScriptedConnection>();
    private int _count;

    public int ConnectionCount => Volatile.Read(ref _count);

    public IGatewayTransport Create()
    {
        Interlocked.Increment(ref _count);
        var connection = new ScriptedConnection();
        _connections.Writer.TryWrite(connection);
        return connection;
    }

    public async Task<ScriptedConnection> NextConnectionAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var connection = await _connections.Reader.ReadAsync(timeout.Token);
        await connection.Connected.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return connection;
    }
}

/// <summary>One scripted connection: the test pushes server frames and reads what the client sent.</summary>
public sealed class ScriptedConnection : IGatewayTransport
{
    private readonly Channel<Func<GatewayFrame>> _toClient = Channel.CreateUnbounded<Func<GatewayFrame>>();
    private readonly Channel<JsonElement> _fromClient = Channel.CreateUnbounded<JsonElement>();
    private readonly List<JsonElement> _sent = [];
    private readonly Lock _lock = new();

    public TaskCompletionSource Connected { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Uri? Uri { get; private set; }

    public int? ClientCloseCode { get; private set; }

    public IReadOnlyList<JsonElement> Sent
    {
        get
        {
            lock (_lock)
            {
                return _sent.ToArray();
            }
        }
    }

    public int HeartbeatCount => Sent.Count(p => p.GetProperty("op").GetInt32() == 1);

    // Client side.
    public Task ConnectAsync(Uri uri, CancellationToken ct)
    {
        Uri = uri;
        Connected.TrySetResult();
        return Task.CompletedTask;
    }

    public ValueTask SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken ct)
    {
        var element = JsonDocument.Parse(utf8Json).RootElement.Clone();
        lock (_lock)
        {
            _sent.Add(element);
        }

        _fromClient.Writer.TryWrite(element);
        return ValueTask.CompletedTask;
    }

    public async ValueTask<GatewayFrame> ReceiveAsync(CancellationToken ct)
    {
        var next = await _toClient.Reader.ReadAsync(ct);
        return next();
    }

    public Task CloseAsync(int closeCode, string reason, CancellationToken ct)
    {
        ClientCloseCode ??= closeCode;
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    // Server side.
    public void Send(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        _toClient.Writer.TryWrite(() => GatewayFrame.Text(bytes));
    }

    public void Hello(int intervalMs) => Send($$"""{"op":10,"d":{"heartbeat_interval":{{intervalMs}}},"s":null,"t":null}""");

    public void Ack() => Send("""{"op":11,"d":null,"s":null,"t":null}""");

    public void Ready(int seq, string sessionId = "session-1", string resumeUrl = "wss://resume.test") =>
        Dispatch("READY", seq, $$$"""{"v":10,"user":{"id":"42","username":"bot"},"guilds":[{"id":"7","unavailable":true}],"session_id":"{{{sessionId}}}","resume_gateway_url":"{{{resumeUrl}}}","application":{"id":"42","flags":0}}""");

    public void Dispatch(string name, int seq, string dataJson) => Send($$"""{"op":0,"d":{{dataJson}},"s":{{seq}},"t":"{{name}}"}""");

    public void Close(int code) => _toClient.Writer.TryWrite(() => GatewayFrame.Closed(code));

    public void Drop() => _toClient.Writer.TryWrite(() => throw new WebSocketException("connection reset"));

    /// <summary>The next payload the client sends with this opcode (others are skipped but kept in <see cref="Sent"/>).</summary>
    public async Task<JsonElement> NextSentAsync(int op)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var element = await _fromClient.Reader.ReadAsync(timeout.Token);
            if (element.GetProperty("op").GetInt32() == op)
            {
                return element;
            }
        }
    }
}
