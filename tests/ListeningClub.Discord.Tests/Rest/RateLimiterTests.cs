using System.Net;
using System.Text.Json;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Rest;
using ListeningClub.Discord.Tests.Fakes;

namespace ListeningClub.Discord.Tests.Rest;

public sealed class RateLimiterTests
{
    private static MessageCreateRequest Hello => new() { Content = "hello" };

    private static InteractionResponse Defer => new() { Type = InteractionCallbackType.DeferredChannelMessageWithSource };

    [Fact]
    public async Task Bucket_RemainingZero_NextRequestWaitsUntilReset()
    {
        using var h = new RestHarness();
        h.Handler.Respond = (_, _) => Task.FromResult(Responses.Message(Responses.Bucket("abc", 5, 0, 2.0)));

        await h.Messages.CreateAsync(1, Hello, default);
        var second = h.Messages.CreateAsync(1, Hello, default);
        await Eventually.Settle();
        Assert.Equal(1, h.Handler.Count);

        h.Clock.Advance(TimeSpan.FromSeconds(1.9));
        await Eventually.Settle();
        Assert.Equal(1, h.Handler.Count);

        h.Clock.Advance(TimeSpan.FromSeconds(0.2));
        await second;
        Assert.True(h.Handler.Requests[1].SentAt >= h.Start.AddSeconds(2));
    }

    [Fact]
    public async Task Bucket_TwoChannels_AreIndependent()
    {
        using var h = new RestHarness();
        h.Handler.Respond = (_, _) => Task.FromResult(Responses.Message(Responses.Bucket("abc", 5, 0, 10.0)));

        await h.Messages.CreateAsync(1, Hello, default);
        var sameChannel = h.Messages.CreateAsync(1, Hello, default);
        await h.Messages.CreateAsync(2, Hello, default);

        Assert.False(sameChannel.IsCompleted);
        Assert.Equal(["/api/v10/channels/1/messages", "/api/v10/channels/2/messages"], h.Handler.Requests.Select(r => r.PathAndQuery));
        await Eventually.Drive(sameChannel, h.Clock, TimeSpan.FromMilliseconds(500));
        Assert.True(h.Handler.Requests[2].SentAt >= h.Start.AddSeconds(10));
    }

    [Fact]
    public async Task Bucket_TwoRoutesSharingABucket_ShareOneQueue()
    {
        using var h = new RestHarness();
        var remaining = 5;
        h.Handler.Respond = (_, _) => Task.FromResult(Responses.Message(Responses.Bucket("shared", 5, --remaining > 2 ? remaining : 0, 3.0)));

        // Both routes learn the same bucket hash.
        await h.Messages.CreateAsync(1, Hello, default);
        await h.Messages.EditAsync(1, 900, new MessageEditRequest { Content = "x" }, default);

        // This create empties the bucket; the edit (another route) must wait for its reset.
        await h.Messages.CreateAsync(1, Hello, default);
        var edit = h.Messages.EditAsync(1, 900, new MessageEditRequest { Content = "y" }, default);
        await Eventually.Settle();
        Assert.Equal(3, h.Handler.Count);

        await Eventually.Drive(edit, h.Clock, TimeSpan.FromMilliseconds(250));
        Assert.True(h.Handler.Requests[3].SentAt >= h.Start.AddSeconds(3));
    }

    [Fact]
    public async Task Global429_PausesEveryRoute_UntilRetryAfter()
    {
        using var h = new RestHarness();
        var first = true;
        h.Handler.Respond = (r, _) =>
        {
            if (first)
            {
                first = false;
                return Task.FromResult(Responses.TooManyRequests(2.0, global: true, scope: "global"));
            }

            return Task.FromResult(Responses.Message());
        };

        var limited = h.Messages.CreateAsync(1, Hello, default);
        await Eventually.True(() => h.Handler.Count == 1, "the first request is sent");
        var other = h.Messages.CreateAsync(2, Hello, default);
        await Eventually.Settle();
        Assert.Equal(1, h.Handler.Count);

        await Eventually.Drive(Task.WhenAll(limited, other), h.Clock, TimeSpan.FromMilliseconds(250));
        Assert.All(h.Handler.Requests.Skip(1), r => Assert.True(r.SentAt >= h.Start.AddSeconds(2)));
        Assert.Equal(3, h.Handler.Count);
    }

    [Fact]
    public async Task Sublimit429_PausesOnlyItsOwnRequest()
    {
        using var h = new RestHarness();
        var limitedOnce = false;
        h.Handler.Respond = (r, _) =>
        {
            if (r.PathAndQuery.Contains("/channels/1/", StringComparison.Ordinal) && !limitedOnce)
            {
                limitedOnce = true;
                return Task.FromResult(Responses.TooManyRequests(3.0, global: false, scope: "user", remaining: 3));
            }

            return Task.FromResult(Responses.Message());
        };

        var limited = h.Messages.CreateAsync(1, Hello, default);
        await Eventually.True(() => h.Handler.Count == 1, "the limited request is sent");
        await h.Messages.CreateAsync(2, Hello, default);
        Assert.False(limited.IsCompleted);

        var message = await Eventually.Drive(limited, h.Clock, TimeSpan.FromMilliseconds(250));
        Assert.Equal(900UL, message.Id);
        Assert.True(h.Handler.Requests[2].SentAt >= h.Start.AddSeconds(3));
        Assert.Equal(1, h.Client.RateLimiter.InvalidRequests.Count);
    }

    [Fact]
    public async Task Shared429_IsRetried_AndNotCountedAsInvalid()
    {
        using var h = new RestHarness();
        var calls = 0;
        h.Handler.Respond = (_, _) => Task.FromResult(++calls == 1 ? Responses.TooManyRequests(1.0, global: false, scope: "shared", remaining: 0) : Responses.Message());

        await Eventually.Drive(h.Messages.CreateAsync(1, Hello, default), h.Clock, TimeSpan.FromMilliseconds(250));

        Assert.Equal(2, h.Handler.Count);
        Assert.Equal(0, h.Client.RateLimiter.InvalidRequests.Count);
    }

    [Fact]
    public async Task Cloudflare429_IsNotRetried_AndOpensTheBreaker()
    {
        using var h = new RestHarness();
        h.Handler.Respond = (_, _) => Task.FromResult(Responses.CloudflareTooManyRequests());

        var ex = await Assert.ThrowsAsync<DiscordRestException>(() => h.Messages.CreateAsync(1, Hello, default));
        Assert.Equal(DiscordRestFailure.CircuitOpen, ex.Failure);
        var again = await Assert.ThrowsAsync<DiscordRestException>(() => h.Messages.CreateAsync(2, Hello, default));
        Assert.Equal(DiscordRestFailure.CircuitOpen, again.Failure);
        Assert.Equal(1, h.Handler.Count);

        h.Clock.Advance(TimeSpan.FromMinutes(11));
        h.Handler.Respond = (_, _) => Task.FromResult(Responses.Message());
        await h.Messages.CreateAsync(2, Hello, default);
        Assert.Equal(2, h.Handler.Count);
    }

    [Fact]
    public async Task Cloudflare429OnChannelMessages_InteractionCallbacksAndFollowUpsAreStillSent_BotRoutesFailFast()
    {
        using var h = new RestHarness();
        h.Handler.Respond = (r, _) => Task.FromResult(r.PathAndQuery.StartsWith("/api/v10/channels/", StringComparison.Ordinal) ? Responses.CloudflareTooManyRequests() : Responses.Message());

        var banned = await Assert.ThrowsAsync<DiscordRestException>(() => h.Messages.CreateAsync(1, Hello, default));
        Assert.Equal(DiscordRestFailure.CircuitOpen, banned.Failure);

        // The interaction's token routes are not the bot's: answered, edited and followed up as usual.
        await h.Interactions.CreateResponseAsync(10, "tok", Defer, default);
        await h.Interactions.EditOriginalResponseAsync(5, "tok", new WebhookMessageRequest { Content = "done" }, default);
        await h.Interactions.CreateFollowUpAsync(5, "tok", new WebhookMessageRequest { Content = "more" }, default);

        // Discord restricts the IP: bot-token requests fail fast instead of reaching the wire.
        var other = await Assert.ThrowsAsync<DiscordRestException>(() => h.Messages.CreateAsync(2, Hello, default));
        Assert.Equal(DiscordRestFailure.CircuitOpen, other.Failure);
        Assert.Equal(
            ["POST /api/v10/channels/1/messages", "POST /api/v10/interactions/10/tok/callback", "PATCH /api/v10/webhooks/5/tok/messages/@original", "POST /api/v10/webhooks/5/tok?wait=true"],
            h.Handler.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
    }

    [Fact]
    public async Task Cloudflare429_BreakerStaysOpenForTheRetryAfterCloudflareSent()
    {
        using var h = new RestHarness(o => o.CloudflareBreakerDuration = TimeSpan.FromMinutes(10));
        h.Handler.Respond = (_, _) => Task.FromResult(Responses.CloudflareTooManyRequests(retryAfterSeconds: 30));
        await Assert.ThrowsAsync<DiscordRestException>(() => h.Messages.CreateAsync(1, Hello, default));
        h.Handler.Respond = (_, _) => Task.FromResult(Responses.Message());

        h.Clock.Advance(TimeSpan.FromSeconds(29));
        var early = await Assert.ThrowsAsync<DiscordRestException>(() => h.Messages.CreateAsync(1, Hello, default));
        Assert.Equal(DiscordRestFailure.CircuitOpen, early.Failure);

        h.Clock.Advance(TimeSpan.FromSeconds(2));
        await h.Messages.CreateAsync(1, Hello, default);
        Assert.Equal(2, h.Handler.Count);
    }

    [Fact]
    public async Task InvalidRequestPause_HoldsBotRoutes_ButNotInteractionCallbacks()
    {
        using var h = new RestHarness(o => o.InvalidRequestPauseThreshold = 3);
        h.Handler.Respond = (_, _) => Task.FromResult(Responses.Json(HttpStatusCode.Forbidden, """{"message":"Missing Permissions","code":50013}"""));
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<DiscordRestException>(() => h.Messages.CreateAsync(1, Hello, default));
        }

        h.Handler.Respond = (_, _) => Task.FromResult(Responses.Message());
        var paused = h.Messages.CreateAsync(2, Hello, default);
        await h.Interactions.CreateResponseAsync(10, "tok", Defer, default).WaitAsync(TimeSpan.FromSeconds(30));
        await Eventually.Settle();

        Assert.False(paused.IsCompleted);
        Assert.Equal("/api/v10/interactions/10/tok/callback", h.Handler.Requests[^1].PathAndQuery);
    }

    [Fact]
    public async Task Global429_HoldsBotRoutes_ButNotInteractionCallbacks()
    {
        using var h = new RestHarness();
        var first = true;
        h.Handler.Respond = (_, _) =>
        {
            var global = first;
            first = false;
            return Task.FromResult(global ? Responses.TooManyRequests(5.0, global: true, scope: "global") : Responses.Message());
        };

        var limited = h.Messages.CreateAsync(1, Hello, default);
        await Eventually.True(() => h.Handler.Count == 1, "the first request is sent");
        await h.Interactions.CreateResponseAsync(10, "tok", Defer, default).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(limited.IsCompleted);
        await Eventually.Drive(limited, h.Clock, TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public async Task Unauthorized_OnAnExpiredInteractionToken_FailsThatRequestOnly()
    {
        using var h = new RestHarness();
        h.Handler.Respond = (r, _) => Task.FromResult(r.PathAndQuery.StartsWith("/api/v10/webhooks/", StringComparison.Ordinal)
            ? Responses.Json(HttpStatusCode.Unauthorized, """{"message":"Invalid Webhook Token","code":50027}""")
            : Responses.Message());

        var ex = await Assert.ThrowsAsync<DiscordRestException>(() => h.Interactions.EditOriginalResponseAsync(5, "expired", new WebhookMessageRequest { Content = "late" }, default));

        Assert.Equal(50027, ex.Code);
        Assert.Equal(DiscordRestFailure.ErrorResponse, ex.Failure);
        Assert.Null(h.Fatal.Current);
        await h.Messages.CreateAsync(1, Hello, default);
        Assert.Equal(1, h.Client.RateLimiter.InvalidRequests.Count);
    }

    [Fact]
    public async Task Unauthorized_StopsAllRest_AndRaisesAFatalError()
    {
        using var h = new RestHarness();
        h.Handler.Respond = (_, _) => Task.FromResult(Responses.Json(HttpStatusCode.Unauthorized, """{"message":"401: Unauthorized","code":0}"""));

        var ex = await Assert.ThrowsAsync<DiscordRestException>(() => h.Messages.CreateAsync(1, Hello, default));
        Assert.Equal(DiscordRestFailure.Unauthorized, ex.Failure);
        Assert.True(h.Fatal.Stopping.IsCancellationRequested);
        Assert.Contains("token", h.Fatal.Current!.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(RestHarness.Token, h.Fatal.Current.Message, StringComparison.Ordinal);

        await Assert.ThrowsAsync<DiscordRestException>(() => h.Interactions.CreateResponseAsync(7, "tok", new InteractionResponse { Type = InteractionCallbackType.DeferredChannelMessageWithSource }, default));
        Assert.Equal(1, h.Handler.Count);
    }

    [Fact]
    public async Task ServerErrors_AreRetried_ThenSucceed_WithTheSameNonce()
    {
        using var h = new RestHarness();
        var calls = 0;
        h.Handler.Respond = (_, _) => Task.FromResult(++calls switch
        {
            1 => Responses.Json(HttpStatusCode.BadGateway, "bad gateway"),
            2 => Responses.Json(HttpStatusCode.ServiceUnavailable, "{}"),
            _ => Responses.Message(),
        });

        var message = await Eventually.Drive(h.Messages.CreateAsync(1, Hello, default), h.Clock, TimeSpan.FromMilliseconds(100));

        Assert.Equal(900UL, message.Id);
        var bodies = h.Handler.Requests.Select(r => JsonDocument.Parse(r.Body!).RootElement).ToList();
        Assert.Equal(3, bodies.Count);
        var nonces = bodies.Select(b => b.GetProperty("nonce").GetString()).Distinct().ToList();
        Assert.Single(nonces);
        Assert.False(string.IsNullOrEmpty(nonces[0]));
        Assert.All(bodies, b => Assert.True(b.GetProperty("enforce_nonce").GetBoolean()));
    }

    [Fact]
    public async Task ServerErrors_StopAfterTheRetryBudget()
    {
        using var h = new RestHarness(o => o.RestMaxRetries = 2);
        h.Handler.Respond = (_, _) => Task.FromResult(Responses.Json(HttpStatusCode.InternalServerError, "{}"));

        var ex = await Assert.ThrowsAsync<DiscordRestException>(() => Eventually.Drive(h.Messages.CreateAsync(1, Hello, default), h.Clock, TimeSpan.FromMilliseconds(100)));

        Assert.Equal(DiscordRestFailure.RetriesExhausted, ex.Failure);
        Assert.Equal(3, h.Handler.Count);
    }

    [Fact]
    public async Task Timeout_IsRetried()
    {
        using var h = new RestHarness(o => o.RestRequestTimeout = TimeSpan.FromSeconds(5));
        var calls = 0;
        h.Handler.Respond = async (_, ct) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await Task.Delay(Timeout.Infinite, ct);
            }

            return Responses.Message();
        };

        var message = await Eventually.Drive(h.Messages.CreateAsync(1, Hello, default), h.Clock, TimeSpan.FromMilliseconds(250));

        Assert.Equal(900UL, message.Id);
        Assert.Equal(2, h.Handler.Count);
        Assert.Equal(h.Handler.Requests[0].Body, h.Handler.Requests[1].Body);
    }

    [Fact]
    public async Task ProactiveGlobalLimit_HoldsBotRequests_ButNotInteractionCallbacks()
    {
        using var h = new RestHarness(o => o.GlobalRequestsPerSecond = 2);

        await h.Messages.CreateAsync(1, Hello, default);
        await h.Messages.CreateAsync(2, Hello, default);
        var third = h.Messages.CreateAsync(3, Hello, default);
        await h.Interactions.CreateResponseAsync(10, "tok", new InteractionResponse { Type = InteractionCallbackType.DeferredChannelMessageWithSource }, default);
        await Eventually.Settle();
        Assert.False(third.IsCompleted);
        Assert.Equal(3, h.Handler.Count);

        await Eventually.Drive(third, h.Clock, TimeSpan.FromMilliseconds(100));
        Assert.True(h.Handler.Requests[3].SentAt >= h.Start.AddSeconds(1));
    }

    [Fact]
    public async Task InvalidRequests_PauseRestBeforeTheBanThreshold()
    {
        using var h = new RestHarness(o => o.InvalidRequestPauseThreshold = 3);
        h.Handler.Respond = (_, _) => Task.FromResult(Responses.Json(HttpStatusCode.Forbidden, """{"message":"Missing Permissions","code":50013}"""));
        for (var i = 0; i < 3; i++)
        {
            var ex = await Assert.ThrowsAsync<DiscordRestException>(() => h.Messages.CreateAsync(1, Hello, default));
            Assert.Equal(50013, ex.Code);
        }

        h.Handler.Respond = (_, _) => Task.FromResult(Responses.Message());
        var paused = h.Messages.CreateAsync(2, Hello, default);
        await Eventually.Settle();
        Assert.Equal(3, h.Handler.Count);

        await Eventually.Drive(paused, h.Clock, TimeSpan.FromSeconds(10));
        Assert.True(h.Handler.Requests[3].SentAt >= h.Start.AddMinutes(10));
    }
    [Fact]
    public async Task ProactiveGlobalLimit_RequestsSlowToReachDiscord_DoNotSpillIntoItsNextWindow()
    {
        // Discord's global window (3/s here) opens at the first request it sees. The first three requests take 300 ms
        // to get there (connections opening), so they open Discord's window late; the next three must not arrive
        // before it closes, although a window started on our side when the first three left would allow them.
        using var h = new RestHarness(o => o.GlobalRequestsPerSecond = 3);
        var discord = new DiscordGlobalWindow(h.Clock, perSecond: 3);
        var slowToArrive = 3;
        h.Handler.Respond = async (_, ct) =>
        {
            if (Interlocked.Decrement(ref slowToArrive) >= 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300), h.Clock, ct);
            }

            return discord.Admit();
        };

        var burst = Task.WhenAll(Enumerable.Range(1, 9).Select(c => h.Messages.CreateAsync((ulong)c, Hello, default)));
        await Eventually.Drive(burst, h.Clock, TimeSpan.FromMilliseconds(10));

        Assert.Equal(0, discord.Rejected);
        Assert.Equal(9, h.Handler.Count);
    }

    [Fact]
    public async Task ProactiveGlobalLimit_WaitingRequestsGoOutInTheOrderTheyWereMade()
    {
        using var h = new RestHarness(o => o.GlobalRequestsPerSecond = 2);

        var burst = Task.WhenAll(Enumerable.Range(1, 8).Select(c => h.Messages.CreateAsync((ulong)c, Hello, default)));
        await Eventually.Drive(burst, h.Clock, TimeSpan.FromMilliseconds(50));

        // Two a second, in the order they were made. Both requests let through at one instant may reach the wire in
        // either order, and a request reaches the wire a moment after its slot is granted (the clock may have moved on
        // by then), so compare arrival order by pairs and the wire times as lower bounds only.
        var arrived = h.Handler.Requests.Select(r => r.PathAndQuery).ToList();
        var pairs = arrived.Chunk(2).Select(p => p.Order(StringComparer.Ordinal)).ToList();
        var expected = Enumerable.Range(1, 8).Select(c => $"/api/v10/channels/{c}/messages").Chunk(2).Select(p => p.Order(StringComparer.Ordinal)).ToList();
        Assert.Equal(expected, pairs);
        for (var i = 0; i < arrived.Count; i++)
        {
            Assert.True(h.Handler.Requests[i].SentAt >= h.Start.AddSeconds(i / 2), $"request {i + 1} went out before its second");
        }
    }

    [Fact]
    public async Task Bucket_RequestsQueuedBeforeTheBucketWasLearned_StayInOneLineWithLaterOnes()
    {
        using var h = new RestHarness();
        var answerChannel2 = new TaskCompletionSource();
        var channel2Seen = 0;
        h.Handler.Respond = async (r, _) =>
        {
            if (r.PathAndQuery.Contains("/channels/2/", StringComparison.Ordinal) && Interlocked.Increment(ref channel2Seen) == 1)
            {
                await answerChannel2.Task;
            }

            return Responses.Message(Responses.Bucket("messages", 5, 4, 5.0));
        };

        // Channel 2's first message is on its way before anyone knows the route's bucket; channel 1's answer then
        // teaches it. Channel 2's next message must still wait for the first one's answer.
        var first = h.Messages.CreateAsync(2, Hello, default);
        await Eventually.True(() => h.Handler.Count == 1, "channel 2's first message is sent");
        await h.Messages.CreateAsync(1, Hello, default);
        var second = h.Messages.CreateAsync(2, Hello, default);
        await Eventually.Settle();
        Assert.Equal(2, h.Handler.Count);

        answerChannel2.SetResult();
        await Task.WhenAll(first, second);
        Assert.Equal(3, h.Handler.Count);
    }

    /// <summary>Discord's global limit as a fixed window that opens at the first request it sees.</summary>
    private sealed class DiscordGlobalWindow(TimeProvider clock, int perSecond)
    {
        private readonly Lock _lock = new();
        private DateTimeOffset _windowEnd = DateTimeOffset.MinValue;
        private int _count;

        public int Rejected { get; private set; }

        public HttpResponseMessage Admit()
        {
            lock (_lock)
            {
                var now = clock.GetUtcNow();
                if (now >= _windowEnd)
                {
                    _windowEnd = now.AddSeconds(1);
                    _count = 0;
                }

                if (_count == perSecond)
                {
                    Rejected++;
                    return Responses.TooManyRequests((_windowEnd - now).TotalSeconds, global: true, scope: "global");
                }

                _count++;
                return Responses.Message();
            }
        }
    }
}
