using System.Net.WebSockets;
using System.Text.Json;
using ListeningClub.Discord.Configuration;
using ListeningClub.Discord.Fatal;
using ListeningClub.Discord.Rest;
using ListeningClub.Discord.Rest.Resources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ListeningClub.Discord.Gateway;

/// <summary>
/// The process's gateway shards (<see cref="ShardPlan"/>): one <see cref="GatewayClient"/> each, all feeding the one
/// dispatch channel, taking turns to identify (<see cref="IdentifyGate"/>). With <c>Discord:ShardCount=auto</c> the
/// count is the one Discord recommends in <c>GET /gateway/bot</c>. A fatal close on any shard (4010 invalid shard,
/// 4011 sharding required, …) stops them all with the reason.
/// </summary>
public sealed partial class GatewayShards(
    IGatewayTransportFactory transports,
    IGatewayApi gatewayApi,
    GatewayDispatchChannel queue,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    IDiscordFatalErrors fatal,
    IdentifyGate identifyGate,
    ILoggerFactory loggers)
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(60);

    private IReadOnlyList<GatewayClient> _clients = [];

    /// <summary>Heartbeat and reconnect jitter for every shard's connection (tests fix it); null: random.</summary>
    internal Func<double>? NextJitter { get; set; }

    /// <summary>The running shards' connections (empty before <see cref="RunAsync"/> has resolved the plan).</summary>
    public IReadOnlyList<GatewayClient> Clients => Volatile.Read(ref _clients);

    /// <summary>
    /// The process's gateway as one: connected while every shard has a live session; since the latest (re)connect;
    /// the oldest last heartbeat ACK among them (0 when a shard has none yet). Per shard: <see cref="Clients"/>.
    /// </summary>
    public GatewayStatus Status
    {
        get
        {
            var statuses = Clients.Select(c => c.Status).ToList();
            return statuses.Count == 0 || statuses.Any(s => !s.Connected)
                ? new GatewayStatus(0, 0)
                : new GatewayStatus(statuses.Max(s => s.ConnectedAt), statuses.Min(s => s.LastHeartbeatAckAt));
        }
    }

    /// <summary>Runs every shard of the plan until <paramref name="ct"/> is cancelled or a fatal error stops them.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var (plan, problem) = options.Value.Shards();
        if (plan is null)
        {
            fatal.Report(new DiscordFatalError("Gateway", problem!));
            return;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, fatal.Stopping);
        var count = plan.Count ?? await RecommendedCountAsync(linked.Token).ConfigureAwait(false);
        if (count is null)
        {
            return; // stopped, or the token was refused (reported by the REST client)
        }

        var shards = plan.Resolve(count.Value);
        if (shards.Count == 0)
        {
            fatal.Report(new DiscordFatalError("Gateway", $"Discord:ShardIds names no shard below {count} (Discord recommends {count} shards for this bot): set Discord:ShardIds to ids from 0 to {count - 1}, or Discord:ShardCount to a fixed count."));
            return;
        }

        var logger = loggers.CreateLogger<GatewayClient>();
        var clients = shards.Select(shard => new GatewayClient(transports, gatewayApi, queue, options, time, fatal, logger, identifyGate, shard)).ToList();
        if (NextJitter is { } jitter)
        {
            clients.ForEach(c => c.NextJitter = jitter);
        }

        Volatile.Write(ref _clients, clients);
        LogShards(loggers.CreateLogger<GatewayShards>(), string.Join(",", shards.Select(s => s.Id)), count.Value, plan.Count is null);
        await Task.WhenAll(clients.Select(c => c.RunAsync(ct))).ConfigureAwait(false);
    }

    /// <summary>The shard count <c>GET /gateway/bot</c> recommends, retried with backoff while Discord cannot be reached.</summary>
    private async Task<int?> RecommendedCountAsync(CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var info = await gatewayApi.GetGatewayBotAsync(ct).ConfigureAwait(false);
                return Math.Clamp(info.Shards, 1, ShardPlan.MaxShards);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return null;
            }
            catch (DiscordRestException ex) when (ex.Failure == DiscordRestFailure.Unauthorized)
            {
                return null;
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException or DiscordRestException or IOException or JsonException)
            {
                var delay = TimeSpan.FromMilliseconds(Math.Min(MaxRetryDelay.TotalMilliseconds, 1000 * Math.Pow(2, attempt)));
                LogCountFailed(loggers.CreateLogger<GatewayShards>(), ex.GetType().Name, ex.Message, delay);
                try
                {
                    await Task.Delay(delay, time, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return null;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway: running shards {ShardIds} of {ShardCount} (count from Discord's recommendation: {Auto})")]
    private static partial void LogShards(ILogger logger, string shardIds, int shardCount, bool auto);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway: could not ask Discord for the shard count ({Error}: {Message}); retrying in {Delay}")]
    private static partial void LogCountFailed(ILogger logger, string error, string message, TimeSpan delay);
}
