using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace ListeningClub.Discord.Emulator.Gateway;

/// <summary>
/// One WebSocket connection: a receive loop that enforces the gateway rules and a send loop fed by a
/// queue, so dispatching never waits on the socket.
/// </summary>
public sealed class GatewayConnection : IDisposable
{
    private const int MaxPayloadBytes = 4096;
    private readonly WebSocket _socket;
    private readonly GatewayHub _hub;
    private readonly TimeProvider _time;
    private readonly Channel<Outbound> _outbound = Channel.CreateUnbounded<Outbound>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Queue<DateTimeOffset> _recentSends = new();
    private readonly CancellationTokenSource _stop = new();
    private DateTimeOffset _lastHeartbeat;
    private int _closing;

    public GatewayConnection(WebSocket socket, GatewayHub hub, TimeProvider time)
    {
        _socket = socket;
        _hub = hub;
        _time = time;
        _lastHeartbeat = time.GetUtcNow();
    }

    public GatewaySession? Session { get; private set; }

    public bool StopAcks { get; set; }

    public int? CloseCodeSent { get; private set; }

    public void Enqueue(string frame) => _outbound.Writer.TryWrite(new Outbound(frame, null, null));

    /// <summary>Queues a close frame after everything already queued.</summary>
    public void Close(int code, string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) == 0)
        {
            CloseCodeSent = code;
            _outbound.Writer.TryWrite(new Outbound(null, code, reason));
        }
    }

    /// <summary>Drops the TCP connection without a close frame.</summary>
    public void Abort()
    {
        Interlocked.Exchange(ref _closing, 1);
        _socket.Abort();
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The connection already ended.
        }
    }

    public void Dispose() => _stop.Dispose();

    public async Task RunAsync(CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _stop.Token);
        var send = SendLoopAsync(linked.Token);
        var watchdog = WatchdogAsync(linked.Token);
        Enqueue("{\"op\":10,\"d\":{\"heartbeat_interval\":" + (long)_hub.Settings.HeartbeatInterval.TotalMilliseconds + "},\"s\":null,\"t\":null}");
        try
        {
            await ReceiveLoopAsync(linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Client went away or the emulator is stopping.
        }
        finally
        {
            _outbound.Writer.TryComplete();
            try
            {
                // Let queued frames (and a close frame) go out before tearing down.
                await send.WaitAsync(TimeSpan.FromSeconds(2), CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or TimeoutException)
            {
                // Sending failed or took too long; the socket is being dropped anyway.
            }

            await _stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await Task.WhenAll(send, watchdog).ConfigureAwait(false);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The socket is gone; nothing left to send.
            }

            _hub.Disconnected(this, _socket.CloseStatus is { } status ? (int)status : null);
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken ct)
    {
        var buffer = new byte[MaxPayloadBytes + 1];
        while (!ct.IsCancellationRequested && _socket.State == WebSocketState.Open)
        {
            var count = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                if (count >= buffer.Length)
                {
                    Close(4002, "Payload too large");
                    await DrainAsync(ct).ConfigureAwait(false);
                    return;
                }

                result = await _socket.ReceiveAsync(buffer.AsMemory(count), ct).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    // Answer the client's close frame so its handshake completes.
                    _outbound.Writer.TryWrite(new Outbound(null, (int)(_socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure), "closing"));
                    return;
                }

                count += result.Count;
            }
            while (!result.EndOfMessage);

            if (count > MaxPayloadBytes)
            {
                Close(4002, "Payload too large");
                await DrainAsync(ct).ConfigureAwait(false);
                return;
            }

            if (Interlocked.CompareExchange(ref _closing, 0, 0) == 1)
            {
                continue;
            }

            if (!CountSend())
            {
                Close(4008, "Rate limited.");
                await DrainAsync(ct).ConfigureAwait(false);
                return;
            }

            Handle(buffer.AsSpan(0, count));
        }
    }

    private async Task DrainAsync(CancellationToken ct)
    {
        var buffer = new byte[1024];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            while (_socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var r = await _socket.ReceiveAsync(buffer.AsMemory(), timeout.Token).ConfigureAwait(false);
                if (r.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            _socket.Abort();
        }
    }

    private bool CountSend()
    {
        var now = _time.GetUtcNow();
        var cutoff = now - _hub.Settings.GatewaySendWindow;
        while (_recentSends.Count > 0 && _recentSends.Peek() <= cutoff)
        {
            _recentSends.Dequeue();
        }

        _recentSends.Enqueue(now);
        return _recentSends.Count <= _hub.Settings.GatewaySendLimit;
    }

    private void Handle(ReadOnlySpan<byte> payload)
    {
        int op;
        JsonElement d;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload.ToArray());
        }
        catch (JsonException)
        {
            Close(4002, "Error while decoding payload.");
            return;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("op", out var opElement)
                || !opElement.TryGetInt32(out op))
            {
                Close(4002, "Error while decoding payload.");
                return;
            }

            d = document.RootElement.TryGetProperty("d", out var dElement) ? dElement.Clone() : default;
        }

        switch (op)
        {
            case 1:
                _lastHeartbeat = _time.GetUtcNow();
                if (!StopAcks)
                {
                    Enqueue("{\"op\":11,\"d\":null,\"s\":null,\"t\":null}");
                }

                break;
            case 2:
                if (Session is not null)
                {
                    Close(4005, "Already authenticated.");
                    return;
                }

                Session = _hub.Identify(this, d);
                break;
            case 6:
                if (Session is not null)
                {
                    Close(4005, "Already authenticated.");
                    return;
                }

                Session = _hub.Resume(this, d);
                break;
            case 3 or 4 or 8 or 31 or 43:
                if (Session is null)
                {
                    Close(4003, "Not authenticated.");
                }

                break;
            default:
                Close(Session is null && op is >= 0 and <= 11 ? 4003 : 4001, Session is null && op is >= 0 and <= 11 ? "Not authenticated." : "Unknown opcode.");
                break;
        }
    }

    private async Task SendLoopAsync(CancellationToken ct)
    {
        await foreach (var item in _outbound.Reader.ReadAllAsync(ct).ConfigureAwait(false))
        {
            if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
            {
                return;
            }

            if (item.Frame is { } frame && _socket.State == WebSocketState.Open)
            {
                var bytes = Encoding.UTF8.GetBytes(frame);
                await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, ct).ConfigureAwait(false);
                if (frame.StartsWith("{\"op\":0,", StringComparison.Ordinal))
                {
                    _hub.Stats.CountDispatch();
                }
            }
            else if (item.Frame is null)
            {
                await _socket.CloseOutputAsync((WebSocketCloseStatus)item.CloseCode!.Value, item.Reason, ct).ConfigureAwait(false);
                return;
            }
        }
    }

    private async Task WatchdogAsync(CancellationToken ct)
    {
        var interval = _hub.Settings.HeartbeatInterval;
        var limit = interval * _hub.Settings.HeartbeatTimeoutFactor;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(interval / 2, _time, ct).ConfigureAwait(false);
                if (_time.GetUtcNow() - _lastHeartbeat > limit)
                {
                    Close(4009, "Session timed out.");
                    Session?.Invalidate();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Connection ended.
        }
    }

    private sealed record Outbound(string? Frame, int? CloseCode, string? Reason);
}
