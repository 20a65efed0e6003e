using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace ListeningClub.Discord.Emulator.Tests.Gateway;

/// <summary>A bare WebSocket client for scripting gateway conversations in tests.</summary>
public sealed class GatewayTestClient : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly ClientWebSocket _socket = new();

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public static async Task<GatewayTestClient> ConnectAsync(Uri url)
    {
        var client = new GatewayTestClient();
        await client._socket.ConnectAsync(new Uri(url + "/?v=10&encoding=json"), CancellationToken.None);
        return client;
    }

    public Task SendAsync(JsonNode payload) => SendRawAsync(payload.ToJsonString());

    public async Task SendRawAsync(string text)
    {
        using var cts = new CancellationTokenSource(Timeout);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cts.Token);
    }

    public Task IdentifyAsync(string token, long intents = 16842753, JsonArray? shard = null)
    {
        var d = new JsonObject
        {
            ["token"] = token,
            ["intents"] = intents,
            ["properties"] = new JsonObject { ["os"] = "linux", ["browser"] = "test", ["device"] = "test" },
        };
        if (shard is not null)
        {
            d["shard"] = shard;
        }

        return SendAsync(new JsonObject { ["op"] = 2, ["d"] = d });
    }

    /// <summary>Next frame, or null when the server closed the socket.</summary>
    public async Task<JsonObject?> ReceiveAsync()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var buffer = new byte[64 * 1024];
        using var stream = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, cts.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            stream.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonNode.Parse(stream.ToArray())!.AsObject();
            }
        }
    }

    /// <summary>Receives until a frame matches (dispatch name or op), returning it; fails on close.</summary>
    public async Task<JsonObject> WaitForAsync(Func<JsonObject, bool> match)
    {
        while (true)
        {
            var frame = await ReceiveAsync() ?? throw new InvalidOperationException($"socket closed ({CloseStatus})");
            if (match(frame))
            {
                return frame;
            }
        }
    }

    public Task<JsonObject> WaitForDispatchAsync(string name) => WaitForAsync(f => f["t"]?.GetValue<string>() == name);

    /// <summary>Reads until the server closes and returns the close code.</summary>
    public async Task<int?> WaitForCloseAsync()
    {
        while (await ReceiveAsync() is not null)
        {
        }

        return (int?)CloseStatus;
    }

    public async Task CloseAsync(WebSocketCloseStatus status = (WebSocketCloseStatus)4900)
    {
        using var cts = new CancellationTokenSource(Timeout);
        try
        {
            await _socket.CloseOutputAsync(status, "test", cts.Token);
        }
        catch (WebSocketException)
        {
            // Already gone.
        }
    }

    public void Abort() => _socket.Abort();

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            await CloseAsync(WebSocketCloseStatus.NormalClosure);
        }

        _socket.Dispose();
    }
}
