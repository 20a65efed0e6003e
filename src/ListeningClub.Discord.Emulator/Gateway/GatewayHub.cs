using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using ListeningClub.Discord.Emulator.Hosting;
using ListeningClub.Discord.Emulator.State;

namespace ListeningClub.Discord.Emulator.Gateway;

/// <summary>Owns gateway sessions and connections, Identify/Resume rules, dispatch fan-out and faults.</summary>
public sealed class GatewayHub(EmulatorCore core)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, GatewaySession> _sessions = new(StringComparer.Ordinal);
    private readonly HashSet<GatewayConnection> _connections = [];
    private readonly Dictionary<int, DateTimeOffset> _lastIdentifyByBucket = [];
    private int _identifies;

    public EmulatorSettings Settings => core.Settings;

    public EmulatorStats Stats => core.Stats;

    public int IdentifiesUsed => Volatile.Read(ref _identifies);

    /// <summary>GET /gateway/bot's <c>shards</c>: the setting, or one per 1,000 guilds (at least one).</summary>
    public int RecommendedShards
    {
        get
        {
            if (Settings.RecommendedShards is { } fixedCount)
            {
                return fixedCount;
            }

            lock (core.State.Gate)
            {
                return Math.Max(1, (core.State.Guilds.Count + 999) / 1000);
            }
        }
    }

    public int OpenConnections
    {
        get
        {
            lock (_gate)
            {
                return _connections.Count;
            }
        }
    }

    public async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync("Expected a WebSocket upgrade", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        using var connection = new GatewayConnection(socket, this, core.Time);
        var version = context.Request.Query["v"].ToString();
        var encoding = context.Request.Query["encoding"].ToString();
        lock (_gate)
        {
            _connections.Add(connection);
        }

        if (version.Length > 0 && version != "10")
        {
            connection.Close(4012, "Invalid API version");
        }
        else if (encoding.Length > 0 && encoding != "json")
        {
            connection.Close(4002, "Only encoding=json is supported by the emulator");
        }

        await connection.RunAsync(core.Stopping).ConfigureAwait(false);
    }

    internal GatewaySession? Identify(GatewayConnection connection, JsonElement d)
    {
        if (d.ValueKind != JsonValueKind.Object
            || !d.TryGetProperty("token", out var token) || token.ValueKind != JsonValueKind.String
            || !d.TryGetProperty("intents", out var intentsElement) || !intentsElement.TryGetInt64(out var intents)
            || !d.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            connection.Close(4002, "Error while decoding payload.");
            return null;
        }

        if (!IsToken(token.GetString()))
        {
            connection.Close(4004, "Authentication failed.");
            return null;
        }

        var shardId = 0;
        var shardCount = 1;
        if (d.TryGetProperty("shard", out var shard) && shard.ValueKind == JsonValueKind.Array)
        {
            if (shard.GetArrayLength() != 2 || !shard[0].TryGetInt32(out shardId) || !shard[1].TryGetInt32(out shardCount)
                || shardCount < 1 || shardId < 0 || shardId >= shardCount)
            {
                connection.Close(4010, "Invalid shard.");
                return null;
            }
        }

        if (intents < 0 || (intents & ~Intents.AllDefined) != 0)
        {
            connection.Close(4013, "Invalid intent(s).");
            return null;
        }

        if ((intents & Intents.Privileged & ~Settings.EnabledPrivilegedIntents) != 0)
        {
            connection.Close(4014, "Disallowed intent(s).");
            return null;
        }

        int shardGuilds;
        lock (core.State.Gate)
        {
            shardGuilds = core.State.Guilds.Keys.Count(g => OnShard(g, shardId, shardCount));
        }

        if (shardGuilds > Settings.MaxGuildsPerShard)
        {
            connection.Close(4011, "Sharding required.");
            return null;
        }

        // One identify per max_concurrency bucket per 5 seconds; a faster one is refused with an Invalid Session.
        var bucket = shardId % Math.Max(1, Settings.MaxConcurrency);
        var now = core.Time.GetUtcNow();
        lock (_gate)
        {
            if (Settings.EnforceIdentifyRate && _lastIdentifyByBucket.TryGetValue(bucket, out var last) && now - last < TimeSpan.FromSeconds(5))
            {
                core.Stats.CountIdentifyTooSoon();
                connection.Enqueue("{\"op\":9,\"d\":false,\"s\":null,\"t\":null}");
                return null;
            }

            _lastIdentifyByBucket[bucket] = now;
        }

        if (Interlocked.Increment(ref _identifies) > Settings.SessionStartLimit)
        {
            connection.Close(4004, "Identify budget exhausted; the token was reset.");
            return null;
        }

        core.Stats.CountIdentify();
        var session = new GatewaySession(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), intents, shardId, shardCount, Settings.ResumeBufferSize);
        lock (_gate)
        {
            _sessions[session.Id] = session;
        }

        session.Attach(connection);
        List<(ulong Id, string Json)> guilds;
        lock (core.State.Gate)
        {
            guilds = core.State.Guilds.Values
                .Where(g => OnShard(g.Id, shardId, shardCount))
                .Select(g => (g.Id, Render.Guild(core.State, g, full: true).ToJsonString(Rest.DiscordError.Wire)))
                .ToList();
        }

        var ready = new JsonObject
        {
            ["v"] = 10,
            ["user"] = BotUserJson(),
            ["guilds"] = new JsonArray(guilds.Select(g => (JsonNode)new JsonObject { ["id"] = Render.Id(g.Id), ["unavailable"] = true }).ToArray()),
            ["session_id"] = session.Id,
            ["resume_gateway_url"] = core.ResumeGatewayUrl.ToString().TrimEnd('/'),
            ["shard"] = new JsonArray(shardId, shardCount),
            ["application"] = new JsonObject { ["id"] = Render.Id(core.ApplicationId), ["flags"] = 0 },
            ["user_settings"] = new JsonObject(),
            ["private_channels"] = new JsonArray(),
            ["relationships"] = new JsonArray(),
            ["presences"] = new JsonArray(),
            ["guild_join_requests"] = new JsonArray(),
            ["session_type"] = "normal",
            ["auth"] = new JsonObject(),
        };
        session.Dispatch("READY", ready.ToJsonString(Rest.DiscordError.Wire));
        if ((intents & Intents.Guilds) != 0)
        {
            foreach (var (_, json) in guilds)
            {
                session.Dispatch("GUILD_CREATE", json);
            }
        }

        return session;
    }

    internal GatewaySession? Resume(GatewayConnection connection, JsonElement d)
    {
        if (d.ValueKind != JsonValueKind.Object
            || !d.TryGetProperty("token", out var token) || token.ValueKind != JsonValueKind.String
            || !d.TryGetProperty("session_id", out var sessionId) || sessionId.ValueKind != JsonValueKind.String
            || !d.TryGetProperty("seq", out var seqElement))
        {
            connection.Close(4002, "Error while decoding payload.");
            return null;
        }

        if (!IsToken(token.GetString()))
        {
            connection.Close(4004, "Authentication failed.");
            return null;
        }

        var seq = seqElement.ValueKind == JsonValueKind.Number && seqElement.TryGetInt32(out var s) ? s : 0;
        GatewaySession? session;
        lock (_gate)
        {
            _sessions.TryGetValue(sessionId.GetString()!, out session);
        }

        if (session is null || session.Invalidated)
        {
            connection.Enqueue("{\"op\":9,\"d\":false,\"s\":null,\"t\":null}");
            return null;
        }

        switch (session.Resume(connection, seq))
        {
            case ResumeOutcome.Resumed:
                core.Stats.CountResume();
                return session;
            case ResumeOutcome.InvalidSequence:
                session.Invalidate();
                connection.Close(4007, "Invalid seq.");
                return null;
            default:
                connection.Enqueue("{\"op\":9,\"d\":false,\"s\":null,\"t\":null}");
                return null;
        }
    }

    internal void Disconnected(GatewayConnection connection, int? clientCloseCode)
    {
        lock (_gate)
        {
            _connections.Remove(connection);
        }

        if (connection.Session is { } session)
        {
            session.Detach(connection);

            // A client close with 1000/1001 ends the session; anything else leaves it resumable.
            if (clientCloseCode is 1000 or 1001 && connection.CloseCodeSent is null)
            {
                session.Invalidate();
            }
        }
    }

    /// <summary>Whether any live session would receive an event needing <paramref name="requiredIntent"/> (lets callers skip rendering).</summary>
    public bool HasListeners(long requiredIntent)
    {
        lock (_gate)
        {
            foreach (var s in _sessions.Values)
            {
                if (!s.Invalidated && (requiredIntent == 0 || (s.Intents & requiredIntent) != 0))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Sends a dispatch to every live session whose intents include <paramref name="requiredIntent"/> (0 = none needed).</summary>
    public void Dispatch(string eventName, JsonNode data, long requiredIntent, ulong? guildId = null)
    {
        List<GatewaySession> targets;
        lock (_gate)
        {
            targets = _sessions.Values.Where(s => !s.Invalidated && (requiredIntent == 0 || (s.Intents & requiredIntent) != 0)
                && (guildId is null ? s.ShardId == 0 : OnShard(guildId.Value, s.ShardId, s.ShardCount))).ToList();
        }

        if (targets.Count == 0)
        {
            return;
        }

        var json = data.ToJsonString(Rest.DiscordError.Wire);

        foreach (var session in targets)
        {
            session.Dispatch(eventName, json);
        }
    }

    /// <summary>Applies a fault to every open connection; returns how many it touched.</summary>
    public int Inject(GatewayFault fault)
    {
        List<GatewayConnection> connections;
        lock (_gate)
        {
            connections = [.. _connections];
        }

        foreach (var c in connections)
        {
            switch (fault.Action)
            {
                case "drop":
                    c.Abort();
                    break;
                case "reconnect":
                    c.Enqueue("{\"op\":7,\"d\":null,\"s\":null,\"t\":null}");
                    break;
                case "invalid_session":
                    if (!fault.Resumable)
                    {
                        c.Session?.Invalidate();
                    }

                    c.Enqueue("{\"op\":9,\"d\":" + (fault.Resumable ? "true" : "false") + ",\"s\":null,\"t\":null}");
                    break;
                case "stop_acks":
                    c.StopAcks = true;
                    break;
                case "close":
                    var code = fault.Code ?? 4000;
                    if (code is 4004 or 4007 or 4009 or >= 4010 and <= 4014)
                    {
                        c.Session?.Invalidate();
                    }

                    c.Close(code, "Closed by the emulator (fault)");
                    break;
                default:
                    throw new ArgumentException($"Unknown gateway fault action '{fault.Action}'.", nameof(fault));
            }
        }

        return connections.Count;
    }

    public void Reset()
    {
        List<GatewayConnection> connections;
        lock (_gate)
        {
            connections = [.. _connections];
            _sessions.Clear();
        }

        foreach (var c in connections)
        {
            c.Close(4000, "Emulator reset");
        }

        Interlocked.Exchange(ref _identifies, 0);
    }

    public void CloseAll()
    {
        List<GatewayConnection> connections;
        lock (_gate)
        {
            connections = [.. _connections];
        }

        foreach (var c in connections)
        {
            c.Abort();
        }
    }

    private bool IsToken(string? token) =>
        token is not null && (string.Equals(token, core.BotToken, StringComparison.Ordinal) || string.Equals(token, "Bot " + core.BotToken, StringComparison.Ordinal));

    private JsonObject BotUserJson()
    {
        lock (core.State.Gate)
        {
            return EmulatorState.UserJson(core.State.Users[core.BotUserId]);
        }
    }

    private static bool OnShard(ulong guildId, int shardId, int shardCount) =>
        (int)((guildId >> 22) % (ulong)shardCount) == shardId;
}
