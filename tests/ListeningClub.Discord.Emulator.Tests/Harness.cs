using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ListeningClub.Discord.Emulator.Control;
using Microsoft.Extensions.Time.Testing;

namespace ListeningClub.Discord.Emulator.Tests;

/// <summary>One emulator on a free port, a REST client that talks like a bot, and the control client.</summary>
public sealed class Harness : IAsyncDisposable
{
    private Harness(DiscordEmulator emulator, FakeTimeProvider? time)
    {
        Emulator = emulator;
        Time = time;
        Http = new HttpClient { BaseAddress = new Uri(emulator.ApiBaseUrl + "/") };
        Control = emulator.CreateControl();
    }

    public DiscordEmulator Emulator { get; }

    public FakeTimeProvider? Time { get; }

    public HttpClient Http { get; }

    public EmulatorControl Control { get; }

    public static async Task<Harness> StartAsync(EmulatorSettings? settings = null, bool fakeTime = false)
    {
        settings ??= new EmulatorSettings();
        FakeTimeProvider? time = null;
        if (fakeTime)
        {
            time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
            settings = settings with { TimeProvider = time };
        }

        return new Harness(await DiscordEmulator.StartAsync(settings), time);
    }

    public Task<CreatedGuild> GuildAsync(string botPermissions = "8") => Control.CreateGuildAsync(new GuildSpec(
        "Club",
        [new ChannelSpec("general"), new ChannelSpec("films"), new ChannelSpec("forum", 15), new ChannelSpec("voice", 2)],
        [new RoleSpec("Members", "0", Mentionable: true), new RoleSpec("Managers", "32", Mentionable: false)],
        [new MemberSpec("alice", ["Members"]), new MemberSpec("bob", ["Managers"]), new MemberSpec("carol")],
        BotPermissions: botPermissions));

    public Task<Reply> SendAsync(HttpMethod method, string path, JsonNode? body = null) => SendAsync(method, path, body?.ToJsonString());

    public async Task<Reply> SendAsync(HttpMethod method, string path, string? body, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path.TrimStart('/'), UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        request.Headers.UserAgent.ParseAdd("DiscordBot (https://example.test, 1.0)");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", Emulator.BotToken);
        configure?.Invoke(request);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new Reply(response.StatusCode, text, headers, response.Content.Headers.ContentType?.MediaType);
    }

    public Task<Reply> PostMessageAsync(string channelId, JsonNode body) => SendAsync(HttpMethod.Post, $"channels/{channelId}/messages", body);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Control.Dispose();
        await Emulator.DisposeAsync();
    }
}

public sealed record Reply(HttpStatusCode Status, string Text, IReadOnlyDictionary<string, string> Headers, string? MediaType)
{
    public JsonNode Json => JsonNode.Parse(Text)!;

    public int Code => Json["code"]!.GetValue<int>();

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    /// <summary>The leaf error codes of a 50035 reply, as "path: CODE".</summary>
    public IReadOnlyList<string> FormErrors()
    {
        var list = new List<string>();
        void Walk(JsonNode? node, string path)
        {
            if (node is not JsonObject obj)
            {
                return;
            }

            foreach (var (key, child) in obj)
            {
                if (key == "_errors")
                {
                    list.AddRange(child!.AsArray().Select(e => $"{path}: {e!["code"]!.GetValue<string>()}"));
                }
                else
                {
                    Walk(child, path.Length == 0 ? key : path + "." + key);
                }
            }
        }

        Walk(Json["errors"], "");
        return list;
    }
}
