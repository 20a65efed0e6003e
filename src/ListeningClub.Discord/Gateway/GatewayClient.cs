// Long on purpose: one connection's state machine (identify or resume, heartbeat and zombie check, receive, reconnect, fatal close codes) shares its state; split, each part would need all of it.
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using ListeningClub.Discord.Configuration;
using ListeningClub.Discord.Fatal;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Rest;
using ListeningClub.Discord.Rest.Resources;
using ListeningClub.Discord.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ListeningClub.Discord.Gateway;

/// <summary>
/// The gateway connection as a state machine over <see cref="IGatewayTransport"/>: Hello → jittered first heartbeat →
/// Identify (or Resume) → READY → dispatches with sequence tracking, into <see cref="GatewayDispatchChannel"/>.
/// Heartbeats run on their own timer; a missing ACK closes the zombie connection and resumes. Resumes first,
/// re-identifies only when told (op 9 false, 4007, 4009), stops on fatal close codes with a message saying what to fix.
/// </summary>
public sealed partial class GatewayClient
{
    private static readonly TimeSpan MaxReconnectDelay = TimeSpan.FromSeconds(60);

    private readonly IGatewayTransportFactory _transports;
    private readonly IGatewayApi _gatewayApi;
    private readonly GatewayDispatchChannel _queue;
    private readonly DiscordOptions _options;
    private readonly TimeProvider _time;
    private readonly IDiscordFatalErrors _fatal;
    private readonly ILogger<GatewayClient> _logger;
    private readonly IdentifyGate _identifyGate;

    private string? _sessionId;
    private string? _resumeUrl;
    private int _sequence;
    private IdentifyGate.Turn? _identifyTurn;
    private int _failedAttempts;
    private long _connectedAt;
    private long _lastHeartbeatAck;

    public GatewayClient(
        IGatewayTransportFactory transports,
        IGatewayApi gatewayApi,
        GatewayDispatchChannel queue,
        IOptions<DiscordOptions> options,
        TimeProvider time,
        IDiscordFatalErrors fatal,
        ILogger<GatewayClient> logger,
        IdentifyGate identifyGate,
        GatewayShard shard)
    {
        ArgumentNullException.ThrowIfNull(options);
        _identifyGate = identifyGate;
        Shard = shard;
        _transports = transports;
        _gatewayApi = gatewayApi;
        _queue = queue;
        _options = options.Value;
        _time = time;
        _fatal = fatal;
        _logger = logger;
    }

    /// <summary>The shard this connection is (Identify's <c>shard</c>).</summary>
    public GatewayShard Shard { get; }

    /// <summary>Uniform [0, 1): heartbeat and reconnect jitter. Tests fix it.</summary>
    internal Func<double> NextJitter { get; set; } = Random.Shared.NextDouble;

    /// <summary>The current session (null before READY or after it was invalidated).</summary>
    public string? SessionId => Volatile.Read(ref _sessionId);

    /// <summary>The last sequence number received.</summary>
    public int Sequence => Volatile.Read(ref _sequence);

    /// <summary>Whether a session is live now, since when, and when the last heartbeat ACK arrived (TimeProvider timestamps; 0 = never).</summary>
    public GatewayStatus Status => new(Volatile.Read(ref _connectedAt), Volatile.Read(ref _lastHeartbeatAck));

    /// <summary>Runs until <paramref name="ct"/> is cancelled or a fatal error stops the client.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _fatal.Stopping);
        using var scope = _logger.BeginScope("Shard {Shard}", Shard.ToString());
        var token = linked.Token;
        var delay = TimeSpan.Zero;
        while (!token.IsCancellationRequested)
        {
            try
            {
                if (delay > TimeSpan.Zero)
                {
                    LogReconnectDelay(_logger, delay);
                    await Task.Delay(delay, _time, token).ConfigureAwait(false);
                }

                var outcome = await ConnectOnceAsync(token).ConfigureAwait(false);
                switch (outcome.Kind)
                {
                    case OutcomeKind.Fatal:
                        _fatal.Report(new DiscordFatalError("Gateway", outcome.Reason));
                        return;
                    case OutcomeKind.NewSession:
                        ForgetSession();
                        break;
                }

                delay = outcome.Delay + NextReconnectDelay(outcome.ReachedSession);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (DiscordRestException ex) when (ex.Failure == DiscordRestFailure.Unauthorized)
            {
                return;
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException or DiscordRestException or IOException or JsonException)
            {
                LogConnectFailed(_logger, ex.GetType().Name, ex.Message);
                delay = NextReconnectDelay(reachedSession: false);
            }
        }
    }

    private TimeSpan NextReconnectDelay(bool reachedSession)
    {
        if (reachedSession)
        {
            _failedAttempts = 0;
            return TimeSpan.Zero;
        }

        _failedAttempts++;
        var backoff = Math.Min(MaxReconnectDelay.TotalMilliseconds, 1000 * Math.Pow(2, _failedAttempts - 1));
        return TimeSpan.FromMilliseconds(backoff * (0.5 + (NextJitter() * 0.5)));
    }

    private void ForgetSession()
    {
        Volatile.Write(ref _sessionId, null);
        _resumeUrl = null;
        Volatile.Write(ref _sequence, 0);
    }

    private async Task<Outcome> ConnectOnceAsync(CancellationToken ct)
    {
        try
        {
            return await ConnectAndReceiveAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            EndIdentifyTurn(); // the identify was not sent (a failed connection): the bucket's next shard goes
        }
    }

    private async Task<Outcome> ConnectAndReceiveAsync(CancellationToken ct)
    {
        var resume = _sessionId is not null && _resumeUrl is not null;
        string url;
        if (resume)
        {
            url = _resumeUrl!;
        }
        else
        {
            url = await PrepareIdentifyAsync(ct).ConfigureAwait(false);
        }

        var uri = new Uri(string.Concat(url.TrimEnd('/'), "/?v=10&encoding=json"));
        var transport = _transports.Create();
        await using (transport.ConfigureAwait(false))
        {
            LogConnecting(_logger, uri.Host, resume);
            await transport.ConnectAsync(uri, ct).ConfigureAwait(false);
            var connection = new Connection(transport, new GatewaySendLimiter(_time), ct);
            try
            {
                return await ReceiveLoopAsync(connection, resume, ct).ConfigureAwait(false);
            }
            finally
            {
                Volatile.Write(ref _connectedAt, 0);
                await connection.StopHeartbeatAsync().ConfigureAwait(false);
                connection.Dispose();
            }
        }
    }

    /// <summary>
    /// Fetches /gateway/bot and waits for the identify budget (session_start_limit) and the shard's turn in its
    /// max_concurrency bucket (<see cref="IdentifyGate"/>), which it holds until the identify is sent.
    /// </summary>
    private async Task<string> PrepareIdentifyAsync(CancellationToken ct)
    {
        var info = await _gatewayApi.GetGatewayBotAsync(ct).ConfigureAwait(false);
        var limit = info.SessionStartLimit;
        if (limit.Remaining <= 0)
        {
            var wait = TimeSpan.FromMilliseconds(Math.Max(0, limit.ResetAfter));
            LogIdentifyBudgetExhausted(_logger, limit.Total, wait);
            await Task.Delay(wait, _time, ct).ConfigureAwait(false);
        }

        _identifyTurn = await _identifyGate.WaitTurnAsync(Shard.Id, limit.MaxConcurrency, ct).ConfigureAwait(false);
        return info.Url;
    }

    private void EndIdentifyTurn()
    {
        _identifyTurn?.Dispose();
        _identifyTurn = null;
    }

    private async Task<Outcome> ReceiveLoopAsync(Connection connection, bool resume, CancellationToken ct)
    {
        var reachedSession = false;
        while (true)
        {
            GatewayFrame frame;
            long receivedAt;
            try
            {
                frame = await connection.Transport.ReceiveAsync(connection.Token).ConfigureAwait(false);
                receivedAt = _time.GetTimestamp();
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // The heartbeat timer found a zombie connection and closed it.
                return Outcome.Resume(reachedSession);
            }
            catch (Exception ex) when (ex is WebSocketException or IOException)
            {
                LogDropped(_logger, ex.Message);
                return Outcome.Resume(reachedSession);
            }

            if (frame.IsClose)
            {
                return OnClosed(frame.CloseCode, reachedSession);
            }

            var payload = JsonSerializer.Deserialize(frame.Payload.Span, DiscordJsonContext.Default.GatewayPayload);
            if (payload is null)
            {
                continue;
            }

            switch (payload.Op)
            {
                case 0:
                    if (await OnDispatchAsync(payload, receivedAt, ct).ConfigureAwait(false))
                    {
                        reachedSession = true;
                        Volatile.Write(ref _connectedAt, _time.GetTimestamp());
                    }

                    break;
                case 1:
                    await SendHeartbeatAsync(connection, ct).ConfigureAwait(false);
                    break;
                case 7:
                    LogReconnectRequested(_logger);
                    await CloseQuietlyAsync(connection, GatewayCloseCodes.Reconnect, "reconnect requested").ConfigureAwait(false);
                    return Outcome.Resume(reachedSession);
                case 9:
                    var resumable = payload.D is { ValueKind: JsonValueKind.True };
                    LogInvalidSession(_logger, resumable);
                    if (resumable && _sessionId is not null)
                    {
                        await CloseQuietlyAsync(connection, GatewayCloseCodes.Reconnect, "invalid session, resuming").ConfigureAwait(false);
                        return Outcome.Resume(reachedSession);
                    }

                    await CloseQuietlyAsync(connection, 1000, "invalid session").ConfigureAwait(false);
                    return Outcome.NewSession(TimeSpan.FromSeconds(1 + (4 * NextJitter())));
                case 10:
                    var hello = payload.D!.Value.Deserialize(DiscordJsonContext.Default.GatewayHello)!;
                    var interval = TimeSpan.FromMilliseconds(hello.HeartbeatInterval);
                    connection.StartHeartbeat(ct2 => HeartbeatLoopAsync(connection, interval, ct2));
                    if (resume)
                    {
                        await SendAsync(connection, ResumePayload(), heartbeat: false, ct).ConfigureAwait(false);
                    }
                    else
                    {
                        await SendAsync(connection, IdentifyPayload(), heartbeat: false, ct).ConfigureAwait(false);
                        _identifyTurn?.Sent();
                        EndIdentifyTurn();
                    }

                    break;
                case 11:
                    connection.AckReceived = true;
                    Volatile.Write(ref _lastHeartbeatAck, _time.GetTimestamp());
                    break;
                default:
                    break;
            }
        }
    }

    private Outcome OnClosed(int? code, bool reachedSession)
    {
        if (code is { } fatal && GatewayCloseCodes.FatalReason(fatal) is { } reason)
        {
            // Reported once, as the fatal error that stops the client (what to fix), not also as a warning.
            return Outcome.Fatal(reason);
        }

        LogClosed(_logger, code ?? 0);
        if (code is { } c)
        {

            if (GatewayCloseCodes.RequiresNewSession(c))
            {
                return Outcome.NewSession(TimeSpan.Zero) with { ReachedSession = reachedSession };
            }
        }

        return Outcome.Resume(reachedSession);
    }

    /// <summary>
    /// Tracks the sequence, handles READY/RESUMED, queues the dispatch stamped with when its frame arrived.
    /// True when a session is (re)established.
    /// </summary>
    private async ValueTask<bool> OnDispatchAsync(GatewayPayload payload, long receivedAt, CancellationToken ct)
    {
        var name = payload.T ?? "";
        var established = false;
        if (name == "READY")
        {
            var ready = payload.D!.Value.Deserialize(DiscordJsonContext.Default.GatewayReady)!;
            Volatile.Write(ref _sessionId, ready.SessionId);
            _resumeUrl = ready.ResumeGatewayUrl;
            Volatile.Write(ref _sequence, payload.S ?? 0);
            LogReady(_logger, ready.Guilds?.Count ?? 0);
            established = true;
        }
        else if (name == "RESUMED")
        {
            LogResumed(_logger, _sequence);
            established = true;
        }
        else if (payload.S is { } s)
        {
            if (s <= _sequence)
            {
                // Already received in this session (replayed after a resume): never handle twice.
                LogDuplicateDispatch(_logger, name, s);
                return false;
            }

            Volatile.Write(ref _sequence, s);
        }

        if (payload.D is { } data)
        {
            await _queue.Writer.WriteAsync(new GatewayDispatch(name, payload.S ?? 0, data, receivedAt), ct).ConfigureAwait(false);
        }

        return established;
    }

    private async Task HeartbeatLoopAsync(Connection connection, TimeSpan interval, CancellationToken ct)
    {
        try
        {
            await Task.Delay(interval * NextJitter(), _time, ct).ConfigureAwait(false);
            while (!ct.IsCancellationRequested)
            {
                if (!connection.AckReceived)
                {
                    LogZombie(_logger, interval);
                    await CloseQuietlyAsync(connection, GatewayCloseCodes.Reconnect, "no heartbeat ack").ConfigureAwait(false);
                    connection.Abort();
                    return;
                }

                connection.AckReceived = false;
                await SendHeartbeatAsync(connection, ct).ConfigureAwait(false);
                await Task.Delay(interval, _time, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The connection ended.
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
            LogDropped(_logger, ex.Message);
            connection.Abort();
        }
    }

    private Task SendHeartbeatAsync(Connection connection, CancellationToken ct)
    {
        var seq = Volatile.Read(ref _sequence);
        var json = seq == 0 ? """{"op":1,"d":null}""" : string.Create(CultureInfo.InvariantCulture, $$"""{"op":1,"d":{{seq}}}""");
        return SendAsync(connection, Encoding.UTF8.GetBytes(json), heartbeat: true, ct);
    }

    private static async Task SendAsync(Connection connection, byte[] payload, bool heartbeat, CancellationToken ct)
    {
        await connection.Limiter.AcquireAsync(heartbeat, ct).ConfigureAwait(false);
        await connection.SendLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await connection.Transport.SendAsync(payload, ct).ConfigureAwait(false);
        }
        finally
        {
            connection.SendLock.Release();
        }
    }

    private static async Task CloseQuietlyAsync(Connection connection, int code, string reason)
    {
        try
        {
            await connection.Transport.CloseAsync(code, reason, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
            // Already gone.
        }
    }

    private byte[] IdentifyPayload()
    {
        var identify = new GatewayIdentify
        {
            Token = _options.Token,
            Intents = (int)_options.Intents,
            Properties = new GatewayIdentifyProperties(),
            Shard = [Shard.Id, Shard.Count],
        };
        var d = JsonSerializer.SerializeToElement(identify, DiscordJsonContext.Default.GatewayIdentify);
        return JsonSerializer.SerializeToUtf8Bytes(new GatewayPayload { Op = 2, D = d }, DiscordJsonContext.Default.GatewayPayload);
    }

    private byte[] ResumePayload()
    {
        var resume = new GatewayResume { Token = _options.Token, SessionId = _sessionId!, Seq = _sequence };
        var d = JsonSerializer.SerializeToElement(resume, DiscordJsonContext.Default.GatewayResume);
        return JsonSerializer.SerializeToUtf8Bytes(new GatewayPayload { Op = 6, D = d }, DiscordJsonContext.Default.GatewayPayload);
    }

    private enum OutcomeKind
    {
        Resume,
        NewSession,
        Fatal,
    }

    private sealed record Outcome(OutcomeKind Kind, TimeSpan Delay, string Reason, bool ReachedSession)
    {
        public static Outcome Resume(bool reachedSession) => new(OutcomeKind.Resume, TimeSpan.Zero, "", reachedSession);

        public static Outcome NewSession(TimeSpan delay) => new(OutcomeKind.NewSession, delay, "", true);

        public static Outcome Fatal(string reason) => new(OutcomeKind.Fatal, TimeSpan.Zero, reason, false);
    }

    /// <summary>Per-connection state: transport, send lock and limiter, heartbeat task and its ACK flag.</summary>
    private sealed class Connection(IGatewayTransport transport, GatewaySendLimiter limiter, CancellationToken outer) : IDisposable
    {
        private readonly CancellationTokenSource _cts = CancellationTokenSource.CreateLinkedTokenSource(outer);
        private Task _heartbeat = Task.CompletedTask;
        private volatile bool _ackReceived = true;

        public IGatewayTransport Transport { get; } = transport;

        public GatewaySendLimiter Limiter { get; } = limiter;

        public SemaphoreSlim SendLock { get; } = new(1, 1);

        public CancellationToken Token => _cts.Token;

        public bool AckReceived
        {
            get => _ackReceived;
            set => _ackReceived = value;
        }

        public void StartHeartbeat(Func<CancellationToken, Task> loop)
        {
            // Its own task on the thread pool: nothing in the receive loop or the handlers can block it.
            _heartbeat = Task.Run(() => loop(_cts.Token), CancellationToken.None);
        }

        public void Abort() => _cts.Cancel();

        public async Task StopHeartbeatAsync()
        {
            await _cts.CancelAsync().ConfigureAwait(false);
            await _heartbeat.ConfigureAwait(false);
        }

        public void Dispose()
        {
            _cts.Dispose();
            SendLock.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connecting to the gateway at {Host} ({Resume})")]
    private static partial void LogConnecting(ILogger logger, string host, bool resume);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway READY with {GuildCount} guilds")]
    private static partial void LogReady(ILogger logger, int guildCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway session resumed at sequence {Sequence}")]
    private static partial void LogResumed(ILogger logger, int sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway asked us to reconnect (op 7); resuming")]
    private static partial void LogReconnectRequested(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway invalid session (op 9, resumable: {Resumable})")]
    private static partial void LogInvalidSession(ILogger logger, bool resumable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway closed with code {CloseCode}")]
    private static partial void LogClosed(ILogger logger, int closeCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway connection dropped: {Reason}")]
    private static partial void LogDropped(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No heartbeat ACK within {Interval}: zombie connection, reconnecting to resume")]
    private static partial void LogZombie(ILogger logger, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway connection failed ({ExceptionType}): {Reason}")]
    private static partial void LogConnectFailed(ILogger logger, string exceptionType, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconnecting to the gateway in {Delay}")]
    private static partial void LogReconnectDelay(ILogger logger, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Identify budget ({Total} per day) used up; waiting {Wait}")]
    private static partial void LogIdentifyBudgetExhausted(ILogger logger, int total, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dropped duplicate dispatch {EventName} #{Sequence}")]
    private static partial void LogDuplicateDispatch(ILogger logger, string eventName, int sequence);
}
