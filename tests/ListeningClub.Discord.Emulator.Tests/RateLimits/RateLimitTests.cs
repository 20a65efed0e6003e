using System.Net;
using System.Text.Json.Nodes;
using ListeningClub.Discord.Emulator.Control;

namespace ListeningClub.Discord.Emulator.Tests.RateLimits;

public sealed class RateLimitTests
{
    private static JsonObject Hello => new() { ["content"] = "hello", ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() } };

    [Fact]
    public async Task EveryResponse_CarriesBucketHeaders()
    {
        await using var h = await Harness.StartAsync(fakeTime: true);
        var g = await h.GuildAsync();
        var reply = await h.PostMessageAsync(g.Channels["general"], Hello);
        Assert.Equal("5", reply.Header("X-RateLimit-Limit"));
        Assert.Equal("4", reply.Header("X-RateLimit-Remaining"));
        Assert.Equal("5", reply.Header("X-RateLimit-Reset-After"));
        Assert.NotNull(reply.Header("X-RateLimit-Reset"));
        Assert.NotNull(reply.Header("X-RateLimit-Bucket"));
        Assert.Null(reply.Header("Retry-After"));
    }

    [Fact]
    public async Task SixthMessageInFiveSeconds_Gets429WithAllHeaders_ThenSucceedsAfterTheWindow()
    {
        await using var h = await Harness.StartAsync(fakeTime: true);
        var general = (await h.GuildAsync()).Channels["general"];
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await h.PostMessageAsync(general, Hello)).Status);
        }

        h.Time!.Advance(TimeSpan.FromSeconds(1));
        var limited = await h.PostMessageAsync(general, Hello);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal(4.0, limited.Json["retry_after"]!.GetValue<double>(), 3);
        Assert.False(limited.Json["global"]!.GetValue<bool>());
        Assert.Equal("4", limited.Header("Retry-After"));
        Assert.Equal("user", limited.Header("X-RateLimit-Scope"));
        Assert.Equal("0", limited.Header("X-RateLimit-Remaining"));
        Assert.Null(limited.Header("X-RateLimit-Global"));

        h.Time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(HttpStatusCode.OK, (await h.PostMessageAsync(general, Hello)).Status);
        var stats = await h.Control.StatsAsync();
        Assert.Equal(1, stats.RateLimited);
        Assert.Equal(1, stats.InvalidRequestsLast10Minutes);
    }

    [Fact]
    public async Task SameRouteOnTwoChannels_HasIndependentLimits_ButTheSameBucketHash()
    {
        await using var h = await Harness.StartAsync(fakeTime: true);
        var g = await h.GuildAsync();
        Reply? last = null;
        for (var i = 0; i < 5; i++)
        {
            last = await h.PostMessageAsync(g.Channels["general"], Hello);
        }

        var other = await h.PostMessageAsync(g.Channels["films"], Hello);
        Assert.Equal(HttpStatusCode.OK, other.Status);
        Assert.Equal("4", other.Header("X-RateLimit-Remaining"));
        Assert.Equal(last!.Header("X-RateLimit-Bucket"), other.Header("X-RateLimit-Bucket"));
    }

    [Fact]
    public async Task GlobalLimit_Gets429WithGlobalHeader_AndInteractionCallbacksAreExempt()
    {
        await using var h = await Harness.StartAsync(new EmulatorSettings { GlobalPerSecond = 3 }, fakeTime: true);
        var g = await h.GuildAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await h.SendAsync(HttpMethod.Get, $"channels/{g.Channels["general"]}", (string?)null)).Status);
        }

        var limited = await h.SendAsync(HttpMethod.Get, "users/@me", (string?)null);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.True(limited.Json["global"]!.GetValue<bool>());
        Assert.Equal("true", limited.Header("X-RateLimit-Global"));
        Assert.Equal("global", limited.Header("X-RateLimit-Scope"));

        var interaction = await h.Control.SendCommandAsync(g.GuildId, g.Channels["general"], g.Users["alice"], "club");
        var callback = await h.SendAsync(HttpMethod.Post, $"interactions/{interaction.Id}/{interaction.Token}/callback", new JsonObject { ["type"] = 5 });
        Assert.Equal(HttpStatusCode.NoContent, callback.Status);
    }

    [Fact]
    public async Task PutRateLimits_ChangesTheLimitForARoute()
    {
        await using var h = await Harness.StartAsync(fakeTime: true);
        var general = (await h.GuildAsync()).Channels["general"];
        var config = await h.Control.SetRateLimitsAsync(new RateLimitSpec(Buckets: new Dictionary<string, BucketSpec> { ["POST /channels/{channel_id}/messages"] = new(1, 60_000) }));
        Assert.Equal(1, config.Buckets!["POST /channels/{channel_id}/messages"].Limit);
        Assert.Equal(HttpStatusCode.OK, (await h.PostMessageAsync(general, Hello)).Status);
        var limited = await h.PostMessageAsync(general, Hello);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal(60.0, limited.Json["retry_after"]!.GetValue<double>(), 3);
    }

    [Fact]
    public async Task CloudflareFault_IsHtmlWithoutRateLimitHeaders_AndOtherFaultsAreJson()
    {
        await using var h = await Harness.StartAsync(fakeTime: true);
        var general = (await h.GuildAsync()).Channels["general"];
        await h.Control.RestFaultAsync(new RestFaultSpec("/channels", 429, Count: 1, Cloudflare: true));
        await h.Control.RestFaultAsync(new RestFaultSpec("/channels", 502, Count: 1));
        await h.Control.RestFaultAsync(new RestFaultSpec("/users", 429, Count: 1, RetryAfter: 2.5, Global: true));

        var cloudflare = await h.PostMessageAsync(general, Hello);
        Assert.Equal(HttpStatusCode.TooManyRequests, cloudflare.Status);
        Assert.Equal("text/html", cloudflare.MediaType);
        Assert.DoesNotContain(cloudflare.Headers.Keys, k => k.StartsWith("X-RateLimit", StringComparison.OrdinalIgnoreCase));

        var badGateway = await h.PostMessageAsync(general, Hello);
        Assert.Equal(HttpStatusCode.BadGateway, badGateway.Status);

        var global = await h.SendAsync(HttpMethod.Get, "users/@me", (string?)null);
        Assert.Equal(2.5, global.Json["retry_after"]!.GetValue<double>(), 3);
        Assert.Equal("true", global.Header("X-RateLimit-Global"));

        Assert.Equal(HttpStatusCode.OK, (await h.PostMessageAsync(general, Hello)).Status);
    }

    [Fact]
    public async Task CloudflareFault_AnswersLikeCloudflaresEdge_BeforeDiscordAuthenticates_OnlyOnItsPaths()
    {
        await using var h = await Harness.StartAsync(fakeTime: true);
        var general = (await h.GuildAsync()).Channels["general"];
        await h.Control.RestFaultAsync(new RestFaultSpec("/channels", 429, Count: 2, Cloudflare: true));

        // Cloudflare answers before Discord sees the request: a wrong token gets the block page, not Discord's 401.
        var blocked = await h.SendAsync(HttpMethod.Post, $"channels/{general}/messages", Hello.ToJsonString(), r => r.Headers.Authorization = new("Bot", "wrong"));
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.Status);
        Assert.Equal("text/html", blocked.MediaType);
        Assert.Equal("30", blocked.Header("Retry-After"));
        Assert.Equal("cloudflare", blocked.Header("Server"));
        Assert.DoesNotContain(blocked.Headers.Keys, k => k.StartsWith("X-RateLimit", StringComparison.OrdinalIgnoreCase));

        Assert.Equal(HttpStatusCode.OK, (await h.SendAsync(HttpMethod.Get, "users/@me", (string?)null)).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await h.PostMessageAsync(general, Hello)).Status);
        Assert.Equal(HttpStatusCode.OK, (await h.PostMessageAsync(general, Hello)).Status);
    }

    [Fact]
    public async Task InvalidRequests_OlderThanTenMinutes_AreNoLongerCounted()
    {
        await using var h = await Harness.StartAsync(fakeTime: true);
        await h.SendAsync(HttpMethod.Get, "users/@me", null, r => r.Headers.Authorization = new("Bot", "wrong"));
        Assert.Equal(1, (await h.Control.StatsAsync()).InvalidRequestsLast10Minutes);
        h.Time!.Advance(TimeSpan.FromMinutes(10.5));
        Assert.Equal(0, (await h.Control.StatsAsync()).InvalidRequestsLast10Minutes);
    }

    [Fact]
    public async Task FollowupBuckets_AreKeyedByWebhookToken()
    {
        await using var h = await Harness.StartAsync(fakeTime: true);
        var g = await h.GuildAsync();
        var app = h.Emulator.ApplicationId;
        var tokens = new List<string>();
        for (var n = 0; n < 2; n++)
        {
            var i = await h.Control.SendCommandAsync(g.GuildId, g.Channels["general"], g.Users["alice"], "club");
            await h.SendAsync(HttpMethod.Post, $"interactions/{i.Id}/{i.Token}/callback", new JsonObject { ["type"] = 5 });
            tokens.Add(i.Token);
        }

        for (var n = 0; n < 5; n++)
        {
            Assert.Equal(HttpStatusCode.OK, (await h.SendAsync(HttpMethod.Post, $"webhooks/{app}/{tokens[0]}", Hello)).Status);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await h.SendAsync(HttpMethod.Post, $"webhooks/{app}/{tokens[0]}", Hello)).Status);
        var other = await h.SendAsync(HttpMethod.Post, $"webhooks/{app}/{tokens[1]}", Hello);
        Assert.Equal(HttpStatusCode.OK, other.Status);
        Assert.Equal("4", other.Header("X-RateLimit-Remaining"));
    }
}
