using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Discord.Emulator.Hosting;

namespace ListeningClub.Benchmarks.Emulator;

/// <summary>
/// Load scenario for the emulator (not a BenchmarkDotNet job): REST requests/s with many concurrent
/// clients, and gateway dispatches/s received by a real WebSocket client.
/// Run: dotnet run -c Release --project tests/ListeningClub.Benchmarks -- --scenario emulator-throughput
/// </summary>
public static class EmulatorThroughputScenario
{
    public const string Name = "emulator-throughput";

    public static async Task RunAsync(string[] args)
    {
        var seconds = args.Length > 0 && int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 10;
        var workers = args.Length > 1 && int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var w) ? w : 32;
        var validate = !args.Contains("--no-contract");
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorSettings { RateLimitsEnabled = false, RequestLogSize = 1000, ValidateContract = validate });
        using var control = emulator.CreateControl();
        var guild = await control.CreateGuildAsync(new GuildSpec("Bench", Enumerable.Range(0, 16).Select(i => new ChannelSpec($"c{i}")).ToList(), Members: [new MemberSpec("alice")]));
        var channels = guild.Channels.Values.ToArray();

        Report("REST GET /channels/{id}", await RestAsync(emulator, channels, workers, TimeSpan.FromSeconds(seconds), post: false));
        Report(validate ? "REST POST /channels/{id}/messages (contract-validated)" : "REST POST /channels/{id}/messages (no contract validation)", await RestAsync(emulator, channels, workers, TimeSpan.FromSeconds(seconds), post: true));
        var (count, elapsed) = await GatewayAsync(emulator, guild, 100_000);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Gateway MESSAGE_CREATE dispatches received: {count} in {elapsed.TotalSeconds:F2} s = {count / elapsed.TotalSeconds:F0}/s"));
    }

    private static void Report(string what, (long Requests, long Failures, TimeSpan Elapsed) r) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: {r.Requests} requests ({r.Failures} non-2xx) in {r.Elapsed.TotalSeconds:F2} s = {r.Requests / r.Elapsed.TotalSeconds:F0} req/s"));

    private static async Task<(long, long, TimeSpan)> RestAsync(DiscordEmulator emulator, string[] channels, int workers, TimeSpan duration, bool post)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = workers, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(emulator.ApiBaseUrl + "/") };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("DiscordBot (https://example.test, 1.0)");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", emulator.BotToken);
        const string body = """{"content":"Film night: **Stalker** (1979) <@1>","allowed_mentions":{"parse":[]},"embeds":[{"title":"This week","description":"Tarkovsky","fields":[{"name":"Votes","value":"12","inline":true}]}]}""";

        async Task<(long Ok, long Failed)> Worker(int id, CancellationToken ct)
        {
            long ok = 0, failed = 0;
            var channel = channels[id % channels.Length];
            var uri = new Uri(post ? $"channels/{channel}/messages" : $"channels/{channel}", UriKind.Relative);
            while (!ct.IsCancellationRequested)
            {
                using var request = new HttpRequestMessage(post ? HttpMethod.Post : HttpMethod.Get, uri);
                if (post)
                {
                    request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                }

                using var response = await http.SendAsync(request, CancellationToken.None);
                await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                if (response.IsSuccessStatusCode)
                {
                    ok++;
                }
                else
                {
                    failed++;
                }
            }

            return (ok, failed);
        }

        // Warm up, then measure.
        using (var warm = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
        {
            await Task.WhenAll(Enumerable.Range(0, workers).Select(i => Worker(i, warm.Token)));
        }

        using var cts = new CancellationTokenSource(duration);
        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, workers).Select(i => Worker(i, cts.Token)));
        clock.Stop();
        return (results.Sum(r => r.Ok), results.Sum(r => r.Failed), clock.Elapsed);
    }

    private static async Task<(int, TimeSpan)> GatewayAsync(DiscordEmulator emulator, CreatedGuild guild, int count)
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(emulator.GatewayUrl + "/?v=10&encoding=json"), CancellationToken.None);
        var identify = new JsonObject
        {
            ["op"] = 2,
            ["d"] = new JsonObject { ["token"] = emulator.BotToken, ["intents"] = 1 | 512, ["properties"] = new JsonObject { ["os"] = "linux", ["browser"] = "bench", ["device"] = "bench" } },
        };
        await socket.SendAsync(Encoding.UTF8.GetBytes(identify.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);

        // A realistic MESSAGE_CREATE payload rendered by the emulator itself.
        var message = JsonNode.Parse("""{"id":"1","channel_id":"2","guild_id":"3","author":{"id":"4","username":"alice","discriminator":"0","avatar":null,"global_name":"alice","public_flags":0,"flags":0,"primary_guild":null},"content":"Film night: **Stalker** (1979)","timestamp":"2026-11-24T03:00:00.000000+00:00","edited_timestamp":null,"tts":false,"mention_everyone":false,"mentions":[],"mention_roles":[],"attachments":[],"embeds":[],"pinned":false,"type":0,"flags":0,"components":[],"channel_type":0}""")!;
        var buffer = new byte[64 * 1024];
        var received = 0;
        var ready = false;
        var clock = new Stopwatch();
        while (received < count)
        {
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (!result.EndOfMessage)
            {
                continue;
            }

            var text = Encoding.UTF8.GetString(buffer, 0, result.Count);
            if (!ready && text.Contains("\"t\":\"GUILD_CREATE\"", StringComparison.Ordinal))
            {
                ready = true;
                clock.Start();
                _ = Task.Run(() =>
                {
                    for (var i = 0; i < count; i++)
                    {
                        emulator.Core.Gateway.Dispatch("MESSAGE_CREATE", message, 512, ulong.Parse(guild.GuildId, CultureInfo.InvariantCulture));
                    }
                });
            }
            else if (ready && text.Contains("\"t\":\"MESSAGE_CREATE\"", StringComparison.Ordinal))
            {
                received++;
            }
        }

        clock.Stop();
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        return (received, clock.Elapsed);
    }
}
