using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Discord.Gateway;
using ListeningClub.Discord.Hosting;
using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ListeningClub.Benchmarks.Discord;

/// <summary>
/// Interaction turnaround: the whole client (real WebSocket gateway, dispatch channel, router, one DI scope per
/// interaction, a handler that replies at once, REST callback) against the emulator (in its own process, see
/// <see cref="EmulatorProcess"/>), which delivers slash commands at a steady rate. Measured inside the client's process on one monotonic clock: from the moment the gateway frame
/// was read off the socket (the dispatch's <see cref="GatewayDispatch.ReceivedAt"/>) to the moment the callback
/// request entered the HTTP pipeline (a <see cref="DelegatingHandler"/> on the REST client).
/// Run: dotnet run -c Release --project tests/ListeningClub.Benchmarks -- --scenario discord-interactions [per-second seconds]
/// </summary>
public static class InteractionTurnaroundScenario
{
    public const string Name = "discord-interactions";

    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    public static async Task RunAsync(string[] args)
    {
        var perSecond = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60;

        await using var emulator = await EmulatorProcess.StartAsync();
        using var control = emulator.CreateControl();
        var guild = await control.CreateGuildAsync(new GuildSpec("Bench", [new ChannelSpec("general")], Members: [new MemberSpec("member")]));
        var channelId = guild.Channels["general"];
        var userId = guild.Users["member"];

        var stamps = new TurnaroundStamps();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton(stamps);
        services.AddDiscordClient(options =>
        {
            options.Token = emulator.BotToken;
            options.ApiBaseUrl = emulator.ApiBaseUrl.ToString();
            options.DevelopmentGuildId = ulong.Parse(guild.GuildId, CultureInfo.InvariantCulture);
        }).AddHttpMessageHandler(() => new CallbackSentProbe(stamps));
        services.AddInteractionHandler<PingHandler>();
        services.AddGatewayDispatchHandler<FrameReceivedProbe>();
        await using var provider = services.BuildServiceProvider();
        using var stop = new CancellationTokenSource();
        var running = Task.WhenAll(
            provider.GetRequiredService<GatewayShards>().RunAsync(stop.Token),
            provider.GetRequiredService<GatewayDispatcher>().RunAsync(stop.Token));

        // Connected once an interaction comes back answered (one sent before READY reaches nobody).
        for (var attempt = 1; ; attempt++)
        {
            var probe = await control.SendCommandAsync(guild.GuildId, channelId, userId, "ping");
            try
            {
                await WaitForAsync(() => stamps.Answered(probe.Id), TimeSpan.FromSeconds(1), "the client to connect and answer");
                break;
            }
            catch (TimeoutException) when (attempt < 30)
            {
                // Not connected yet.
            }
        }

        await InjectAsync(control, guild.GuildId, channelId, userId, perSecond, WarmUp, _ => { });
        var before = await control.StatsAsync();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var gcPauseBefore = GC.GetTotalPauseDuration();
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var measured = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        await InjectAsync(control, guild.GuildId, channelId, userId, perSecond, TimeSpan.FromSeconds(seconds), measured.Add);
        await WaitForAsync(() => measured.All(stamps.Answered), TimeSpan.FromSeconds(10), "every interaction to be answered");
        clock.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var gcPause = GC.GetTotalPauseDuration() - gcPauseBefore;
        var gcs = (GC.CollectionCount(0) - gcBefore.Item1, GC.CollectionCount(1) - gcBefore.Item2, GC.CollectionCount(2) - gcBefore.Item3);
        var after = await control.StatsAsync();
        await stop.CancelAsync();
        await running;

        var latencies = measured.Select(stamps.TurnaroundMs).Where(ms => ms is not null).Select(ms => ms!.Value).Order().ToArray();
        var unanswered = measured.Count - latencies.Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{measured.Count} interactions at {perSecond}/s for {seconds} s; frame received -> callback sent: p50 {Percentile(latencies, 0.50):0.000} ms, p90 {Percentile(latencies, 0.90):0.000} ms, p99 {Percentile(latencies, 0.99):0.000} ms, p99.9 {Percentile(latencies, 0.999):0.000} ms, max {latencies[^1]:0.000} ms; unanswered {unanswered}; deadline misses (emulator) {after.DeadlineMisses - before.DeadlineMisses}; client process CPU {cpu.TotalSeconds / clock.Elapsed.TotalSeconds:0.00} cores; client GCs gen0/1/2 {gcs.Item1}/{gcs.Item2}/{gcs.Item3}, paused {gcPause.TotalMilliseconds:0} ms in all"));
    }

    /// <summary>Delivers interactions at an even rate (each one due at start + i / rate), not waiting for answers.</summary>
    private static async Task InjectAsync(EmulatorControl control, string guildId, string channelId, string userId, int perSecond, TimeSpan duration, Action<string> delivered)
    {
        var total = (int)(perSecond * duration.TotalSeconds);
        var sends = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / perSecond);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            sends.Add(DeliverAsync(control, guildId, channelId, userId, delivered));
        }

        await Task.WhenAll(sends);
    }

    private static async Task DeliverAsync(EmulatorControl control, string guildId, string channelId, string userId, Action<string> delivered)
    {
        var created = await control.SendCommandAsync(guildId, channelId, userId, "ping", new JsonArray()).ConfigureAwait(false);
        delivered(created.Id);
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException("Timed out waiting for " + what + ".");
            }

            await Task.Delay(10);
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>Both ends of each interaction's turnaround, as <see cref="Stopwatch"/> timestamps (what <see cref="TimeProvider.System"/> uses).</summary>
    public sealed class TurnaroundStamps
    {
        private readonly ConcurrentDictionary<string, long> _received = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, long> _sent = new(StringComparer.Ordinal);

        public void Received(string id, long at) => _received[id] = at;

        public void Sent(string id, long at) => _sent.TryAdd(id, at);

        public bool Answered(string id) => _sent.ContainsKey(id) && _received.ContainsKey(id);

        public double? TurnaroundMs(string id) =>
            _received.TryGetValue(id, out var received) && _sent.TryGetValue(id, out var sent)
                ? Stopwatch.GetElapsedTime(received, sent).TotalMilliseconds
                : null;
    }

    /// <summary>Records when each INTERACTION_CREATE frame was read (runs after the router, off the measured path).</summary>
    private sealed class FrameReceivedProbe(TurnaroundStamps stamps) : IGatewayDispatchHandler
    {
        public bool Wants(string eventName) => eventName == "INTERACTION_CREATE";

        public Task HandleAsync(GatewayDispatch dispatch, CancellationToken ct)
        {
            stamps.Received(dispatch.Data.GetProperty("id").GetString()!, dispatch.ReceivedAt);
            return Task.CompletedTask;
        }
    }

    /// <summary>Records when each callback request enters the HTTP pipeline (path /interactions/{id}/{token}/callback).</summary>
    private sealed class CallbackSentProbe(TurnaroundStamps stamps) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var now = Stopwatch.GetTimestamp();
            var path = request.RequestUri!.AbsolutePath;
            if (path.EndsWith("/callback", StringComparison.Ordinal))
            {
                var segments = path.Split('/');
                stamps.Sent(segments[^3], now);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>The trivial handler: replies "pong" at once.</summary>
    private sealed class PingHandler : IRoutedInteractionHandler
    {
        public static InteractionRoutes Routes => InteractionRoutes.ForCommand(new ApplicationCommand { Name = "ping", Description = "Replies pong" });

        public Task HandleAsync(InteractionContext context, CancellationToken ct) => context.ReplyAsync(InteractionReply.Text("pong"), ct);
    }
}
