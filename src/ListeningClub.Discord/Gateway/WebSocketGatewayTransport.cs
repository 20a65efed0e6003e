using System.Buffers;
using System.Net.WebSockets;

namespace ListeningClub.Discord.Gateway;

/// <summary>The production transport: a <see cref="ClientWebSocket"/> with JSON text frames, no compression.</summary>
public sealed class WebSocketGatewayTransport : IGatewayTransport
{
    private readonly ClientWebSocket _socket = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);

    public Task ConnectAsync(Uri uri, CancellationToken ct) => _socket.ConnectAsync(uri, ct);

    public ValueTask SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken ct) =>
        _socket.SendAsync(utf8Json, WebSocketMessageType.Text, endOfMessage: true, ct);

    public async ValueTask<GatewayFrame> ReceiveAsync(CancellationToken ct)
    {
        _buffer.ResetWrittenCount();
        while (true)
        {
            var result = await _socket.ReceiveAsync(_buffer.GetMemory(8 * 1024), ct).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return GatewayFrame.Closed(_socket.CloseStatus is { } status ? (int)status : null);
            }

            _buffer.Advance(result.Count);
            if (result.EndOfMessage)
            {
                // Copy: the buffer is reused for the next frame.
                return GatewayFrame.Text(_buffer.WrittenMemory.ToArray());
            }
        }
    }

    public async Task CloseAsync(int closeCode, string reason, CancellationToken ct)
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                await _socket.CloseOutputAsync((WebSocketCloseStatus)closeCode, reason, ct).ConfigureAwait(false);
            }
            catch (WebSocketException)
            {
                // Already gone: nothing to close.
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}

public sealed class WebSocketGatewayTransportFactory : IGatewayTransportFactory
{
    public IGatewayTransport Create() => new WebSocketGatewayTransport();
}
