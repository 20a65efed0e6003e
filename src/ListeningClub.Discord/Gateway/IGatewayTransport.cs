namespace ListeningClub.Discord.Gateway;

/// <summary>
/// One gateway connection's text frames (JSON). <see cref="WebSocketGatewayTransport"/> in production; a scripted
/// transport in tests. A dropped connection throws from <see cref="ReceiveAsync"/>.
/// </summary>
public interface IGatewayTransport : IAsyncDisposable
{
    Task ConnectAsync(Uri uri, CancellationToken ct);

    /// <summary>Sends one text frame. Callers never send concurrently.</summary>
    ValueTask SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken ct);

    /// <summary>The next whole message, or the server's close.</summary>
    ValueTask<GatewayFrame> ReceiveAsync(CancellationToken ct);

    /// <summary>Closes from our side. Codes other than 1000/1001 keep the session resumable.</summary>
    Task CloseAsync(int closeCode, string reason, CancellationToken ct);
}

/// <summary>Makes a fresh transport for every connection attempt.</summary>
public interface IGatewayTransportFactory
{
    IGatewayTransport Create();
}

/// <summary>A received text message, or a close (with the server's close code when it sent one).</summary>
public readonly record struct GatewayFrame(ReadOnlyMemory<byte> Payload, bool IsClose, int? CloseCode)
{
    public static GatewayFrame Text(ReadOnlyMemory<byte> payload) => new(payload, false, null);

    public static GatewayFrame Closed(int? code) => new(default, true, code);
}
