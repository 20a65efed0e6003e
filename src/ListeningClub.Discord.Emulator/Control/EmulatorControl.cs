using System.Text.Json.Nodes;

namespace ListeningClub.Discord.Emulator.Control;

/// <summary>Typed client for the emulator's control API (/_emulator). Base address = the emulator's root URL.</summary>
public sealed class EmulatorControl(HttpClient http, bool ownsClient = false) : IDisposable
{
    public Task ResetAsync(CancellationToken ct = default) => PostAsync("_emulator/reset", new { }, ct);

    public Task<EmulatorInfo> InfoAsync(CancellationToken ct = default) => GetAsync<EmulatorInfo>("_emulator/info", ct);

    public Task<CreatedGuild> CreateGuildAsync(GuildSpec spec, CancellationToken ct = default) => PostAsync<GuildSpec, CreatedGuild>("_emulator/guilds", spec, ct);

    /// <summary>Adds a channel (any type, e.g. 2 for voice) to an existing guild.</summary>
    public Task<CreatedChannel> CreateChannelAsync(string guildId, ChannelSpec spec, CancellationToken ct = default) => PostAsync<ChannelSpec, CreatedChannel>($"_emulator/guilds/{guildId}/channels", spec, ct);

    /// <summary>Sets a channel's permission overwrite for a role or member (as a server admin does in the channel's settings).</summary>
    public Task SetPermissionOverwriteAsync(string channelId, string overwriteId, OverwriteSpec spec, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Put, $"_emulator/channels/{channelId}/permissions/{overwriteId}", spec, ct);

    public Task<CreatedInteraction> SendInteractionAsync(InteractionSpec spec, CancellationToken ct = default) => PostAsync<InteractionSpec, CreatedInteraction>("_emulator/interactions", spec, ct);

    /// <summary>Sends a slash command (interaction type 2) with the given options.</summary>
    public Task<CreatedInteraction> SendCommandAsync(string guildId, string channelId, string userId, string name, JsonArray? options = null, CancellationToken ct = default) =>
        SendInteractionAsync(new InteractionSpec(channelId, userId, 2, new JsonObject { ["id"] = "1", ["name"] = name, ["type"] = 1, ["options"] = options ?? [] }, guildId), ct);

    public Task<InteractionRecord> GetInteractionAsync(string id, CancellationToken ct = default) => GetAsync<InteractionRecord>($"_emulator/interactions/{id}", ct);

    /// <summary>
    /// Waits (an event in the emulator, not a poll) until the bot has answered the interaction for good, then returns
    /// it; throws a <see cref="TimeoutException"/> with what the bot had done so far after <paramref name="timeout"/>.
    /// </summary>
    public async Task<InteractionRecord> WaitUntilAnsweredAsync(string id, TimeSpan timeout, CancellationToken ct = default)
    {
        using var response = await http.GetAsync(new Uri($"_emulator/interactions/{id}/answered?timeout_ms={(int)timeout.TotalMilliseconds}", UriKind.Relative), ct).ConfigureAwait(false);
        if (response.StatusCode == System.Net.HttpStatusCode.RequestTimeout)
        {
            throw new TimeoutException($"Interaction {id} was not answered within {timeout.TotalSeconds:0} s; so far: {await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false)}");
        }

        await EnsureAsync(response, ct).ConfigureAwait(false);
        return (await response.Content.ReadFromJsonAsync<InteractionRecord>(ControlJson.Options, ct).ConfigureAwait(false))!;
    }

    public Task<MessageEntry> PostUserMessageAsync(UserMessageSpec spec, CancellationToken ct = default) => PostAsync<UserMessageSpec, MessageEntry>("_emulator/messages", spec, ct);

    public Task VoteAsync(PollVote vote, CancellationToken ct = default) => PostAsync("_emulator/polls/vote", vote, ct);

    /// <summary>The bytes of an uploaded attachment, by the url Discord returned for it.</summary>
    public Task<byte[]> AttachmentAsync(string url, CancellationToken ct = default) => http.GetByteArrayAsync(new Uri(url), ct);

    public Task<List<RequestEntry>> RequestsAsync(long after = 0, CancellationToken ct = default) => GetAsync<List<RequestEntry>>($"_emulator/requests?after={after}", ct);

    public Task<List<MessageEntry>> MessagesAsync(string? channelId = null, CancellationToken ct = default) =>
        GetAsync<List<MessageEntry>>(channelId is null ? "_emulator/messages" : $"_emulator/messages?channel_id={channelId}", ct);

    public Task GatewayFaultAsync(GatewayFaultSpec fault, CancellationToken ct = default) => PostAsync("_emulator/gateway/faults", fault, ct);

    public Task RestFaultAsync(RestFaultSpec fault, CancellationToken ct = default) => PostAsync("_emulator/rest/faults", fault, ct);

    /// <summary>Removes every pending REST fault: Discord answers normally again.</summary>
    public async Task ClearRestFaultsAsync(CancellationToken ct = default)
    {
        using var response = await http.DeleteAsync(new Uri("_emulator/rest/faults", UriKind.Relative), ct).ConfigureAwait(false);
        await EnsureAsync(response, ct).ConfigureAwait(false);
    }

    public Task<RateLimitSpec> SetRateLimitsAsync(RateLimitSpec spec, CancellationToken ct = default) => SendAsync<RateLimitSpec, RateLimitSpec>(HttpMethod.Put, "_emulator/ratelimits", spec, ct);

    public Task<RateLimitSpec> RateLimitsAsync(CancellationToken ct = default) => GetAsync<RateLimitSpec>("_emulator/ratelimits", ct);

    public Task<EmulatorStatsView> StatsAsync(CancellationToken ct = default) => GetAsync<EmulatorStatsView>("_emulator/stats", ct);

    /// <summary>Waits (a long poll) until the change feed is past <paramref name="after"/>; returns the version then, or the same one after <paramref name="timeout"/>.</summary>
    public async Task<long> WaitForChangeAsync(long after, TimeSpan timeout, CancellationToken ct = default) =>
        (await GetAsync<ChangeVersion>($"_emulator/changes?after={after}&timeout_ms={(int)timeout.TotalMilliseconds}", ct).ConfigureAwait(false)).Version;

    public Task<GuildView> GuildAsync(string guildId, CancellationToken ct = default) => GetAsync<GuildView>($"_emulator/guilds/{guildId}", ct);

    /// <summary>The commands registered for members of <paramref name="guildId"/>: global ones, then the guild's.</summary>
    public Task<List<CommandView>> CommandsAsync(string? guildId = null, CancellationToken ct = default) =>
        GetAsync<List<CommandView>>(guildId is null ? "_emulator/commands" : $"_emulator/commands?guild_id={guildId}", ct);

    public void Dispose()
    {
        if (ownsClient)
        {
            http.Dispose();
        }
    }

    private async Task<T> GetAsync<T>(string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), ct).ConfigureAwait(false);
        await EnsureAsync(response, ct).ConfigureAwait(false);
        return (await response.Content.ReadFromJsonAsync<T>(ControlJson.Options, ct).ConfigureAwait(false))!;
    }

    private async Task PostAsync<TBody>(string path, TBody body, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, ControlJson.Options, ct).ConfigureAwait(false);
        await EnsureAsync(response, ct).ConfigureAwait(false);
    }

    private async Task SendAsync<TBody>(HttpMethod method, string path, TBody body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body, options: ControlJson.Options) };
        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        await EnsureAsync(response, ct).ConfigureAwait(false);
    }

    private Task<TResult> PostAsync<TBody, TResult>(string path, TBody body, CancellationToken ct) => SendAsync<TBody, TResult>(HttpMethod.Post, path, body, ct);

    private async Task<TResult> SendAsync<TBody, TResult>(HttpMethod method, string path, TBody body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body, options: ControlJson.Options) };
        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        await EnsureAsync(response, ct).ConfigureAwait(false);
        return (await response.Content.ReadFromJsonAsync<TResult>(ControlJson.Options, ct).ConfigureAwait(false))!;
    }

    private static async Task EnsureAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            throw new HttpRequestException($"Emulator control call failed: {(int)response.StatusCode} {text}", null, response.StatusCode);
        }
    }
}
