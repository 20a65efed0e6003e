using ListeningClub.Discord.Tests.Fakes;

namespace ListeningClub.Discord.Tests.Gateway;

public sealed class GatewayClientTests
{
    [Fact]
    public async Task Connect_IdentifiesAfterHello_WithNonPrivilegedIntentsAndShard()
    {
        await using var h = new GatewayHarness();
        h.Start();

        var connection = await h.Server.NextConnectionAsync();
        connection.Hello(41_250);
        var identify = (await connection.NextSentAsync(2)).GetProperty("d");
        connection.Ready(1);
        await Eventually.True(() => h.Client.SessionId == "session-1", "READY sets the session");

        Assert.Equal("wss://gateway.test/?v=10&encoding=json", connection.Uri!.ToString());
        Assert.Equal(GatewayHarness.Token, identify.GetProperty("token").GetString());
        Assert.Equal(16842753, identify.GetProperty("intents").GetInt32());
        Assert.Equal([0, 1], identify.GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("READY", Assert.Single(h.DrainDispatches()).Name);
    }

    [Fact]
    public async Task FirstHeartbeat_IsJittered_ThenEveryInterval_CarryingTheLastSequence()
    {
        await using var h = new GatewayHarness();
        h.Start();
        var connection = await h.ConnectAndReadyAsync(heartbeatMs: 1000);

        h.Clock.Advance(TimeSpan.FromMilliseconds(499));
        await Eventually.Settle();
        Assert.Equal(0, connection.HeartbeatCount);

        h.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var first = await connection.NextSentAsync(1);
        Assert.Equal(1, first.GetProperty("d").GetInt32());
        connection.Ack();
        connection.Dispatch("GUILD_CREATE", 2, """{"id":"7"}""");
        await Eventually.True(() => h.Client.Sequence == 2, "the dispatch is tracked");

        h.Clock.Advance(TimeSpan.FromMilliseconds(1000));
        var second = await connection.NextSentAsync(1);
        Assert.Equal(2, second.GetProperty("d").GetInt32());
    }

    [Fact]
    public async Task ServerHeartbeatRequest_IsAnsweredAtOnce()
    {
        await using var h = new GatewayHarness();
        h.Start();
        var connection = await h.ConnectAndReadyAsync();

        connection.Send("""{"op":1,"d":null}""");

        await connection.NextSentAsync(1);
        Assert.Equal(1, connection.HeartbeatCount);
    }

    [Fact]
    public async Task MissingAck_IsAZombie_ClosedWithANonNormalCode_AndResumed()
    {
        await using var h = new GatewayHarness();
        h.Start();
        var first = await h.ConnectAndReadyAsync(heartbeatMs: 1000);

        h.Clock.Advance(TimeSpan.FromMilliseconds(500));
        await first.NextSentAsync(1);
        h.Clock.Advance(TimeSpan.FromMilliseconds(1000));

        var second = await h.Server.NextConnectionAsync();
        Assert.NotNull(first.ClientCloseCode);
        Assert.NotEqual(1000, first.ClientCloseCode);
        Assert.NotEqual(1001, first.ClientCloseCode);
        Assert.Equal("wss://resume.test/?v=10&encoding=json", second.Uri!.ToString());
        second.Hello(1000);
        var resume = (await second.NextSentAsync(6)).GetProperty("d");
        Assert.Equal("session-1", resume.GetProperty("session_id").GetString());
        Assert.Equal(1, resume.GetProperty("seq").GetInt32());
        Assert.DoesNotContain(second.Sent, p => p.GetProperty("op").GetInt32() == 2);
        Assert.Equal(1, h.Api.Calls);
    }

    [Fact]
    public async Task Reconnect_Op7_ResumesWithoutIdentify_AndNoDispatchIsLostOrDoubled()
    {
        await using var h = new GatewayHarness();
        h.Start();
        var first = await h.ConnectAndReadyAsync();
        first.Dispatch("MESSAGE_POLL_VOTE_ADD", 2, """{"answer_id":1}""");
        first.Dispatch("MESSAGE_POLL_VOTE_ADD", 3, """{"answer_id":2}""");
        await Eventually.True(() => h.Client.Sequence == 3, "dispatches 2 and 3 are tracked");

        first.Send("""{"op":7,"d":null}""");

        var second = await h.Server.NextConnectionAsync();
        Assert.NotEqual(1000, first.ClientCloseCode);
        second.Hello(40_000);
        var resume = (await second.NextSentAsync(6)).GetProperty("d");
        Assert.Equal(3, resume.GetProperty("seq").GetInt32());

        // Discord replays from our sequence; a repeat of #3 must not be handled twice.
        second.Dispatch("MESSAGE_POLL_VOTE_ADD", 3, """{"answer_id":2}""");
        second.Dispatch("MESSAGE_POLL_VOTE_ADD", 4, """{"answer_id":3}""");
        second.Dispatch("RESUMED", 5, "{}");
        await Eventually.True(() => h.Client.Sequence == 4, "dispatch 4 is tracked");

        var votes = h.DrainDispatches().Where(d => d.Name == "MESSAGE_POLL_VOTE_ADD").Select(d => d.Sequence);
        Assert.Equal([2, 3, 4], votes);
        Assert.DoesNotContain(second.Sent, p => p.GetProperty("op").GetInt32() == 2);
    }

    [Fact]
    public async Task DroppedSocket_IsResumed()
    {
        await using var h = new GatewayHarness();
        h.Start();
        var first = await h.ConnectAndReadyAsync();

        first.Drop();

        var second = await h.Server.NextConnectionAsync();
        second.Hello(40_000);
        var resume = (await second.NextSentAsync(6)).GetProperty("d");
        Assert.Equal("session-1", resume.GetProperty("session_id").GetString());
        Assert.Equal("wss://resume.test/?v=10&encoding=json", second.Uri!.ToString());
    }

    [Fact]
    public async Task InvalidSession_NotResumable_ReidentifiesAfterOneToFiveSeconds()
    {
        await using var h = new GatewayHarness();
        h.Start();
        var first = await h.ConnectAndReadyAsync();

        first.Send("""{"op":9,"d":false}""");
        await Eventually.True(() => first.ClientCloseCode is not null, "the session is closed");
        await Eventually.Settle();
        Assert.Equal(1, h.Server.ConnectionCount);

        var next = h.Server.NextConnectionAsync();
        while (!next.IsCompleted)
        {
            h.Clock.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(2);
        }

        var second = await next;
        Assert.True(h.Clock.GetUtcNow() >= new DateTimeOffset(2026, 11, 24, 12, 0, 1, TimeSpan.Zero));
        Assert.Equal("wss://gateway.test/?v=10&encoding=json", second.Uri!.ToString());
        second.Hello(40_000);
        await second.NextSentAsync(2);
        Assert.Null(h.Client.SessionId);
        Assert.Equal(2, h.Api.Calls);
    }

    [Fact]
    public async Task InvalidSession_Resumable_Resumes()
    {
        await using var h = new GatewayHarness();
        h.Start();
        var first = await h.ConnectAndReadyAsync();

        first.Send("""{"op":9,"d":true}""");

        var second = await h.Server.NextConnectionAsync();
        second.Hello(40_000);
        await second.NextSentAsync(6);
        Assert.Equal(1, h.Api.Calls);
    }

    [Theory]
    [InlineData(4004, "token")]
    [InlineData(4010, "ShardIds")]
    [InlineData(4011, "ShardCount")]
    [InlineData(4012, "version")]
    [InlineData(4013, "Intents")]
    [InlineData(4014, "Developer Portal")]
    public async Task FatalCloseCodes_StopWithAMessageSayingWhatToFix(int code, string hint)
    {
        await using var h = new GatewayHarness();
        h.Start();
        var connection = await h.ConnectAndReadyAsync();

        connection.Close(code);

        await h.Running!.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains(hint, h.Fatal.Current!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(GatewayHarness.Token, h.Fatal.Current.Message, StringComparison.Ordinal);
        Assert.Equal(1, h.Server.ConnectionCount);
    }

    [Theory]
    [InlineData(4007)]
    [InlineData(4009)]
    public async Task SessionCloseCodes_StartANewSession(int code)
    {
        await using var h = new GatewayHarness();
        h.Start();
        var first = await h.ConnectAndReadyAsync();

        first.Close(code);

        var next = h.Server.NextConnectionAsync();
        while (!next.IsCompleted)
        {
            h.Clock.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(2);
        }

        var second = await next;
        Assert.Equal("wss://gateway.test/?v=10&encoding=json", second.Uri!.ToString());
        second.Hello(40_000);
        await second.NextSentAsync(2);
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(4001)]
    [InlineData(4002)]
    [InlineData(4003)]
    [InlineData(4005)]
    [InlineData(4008)]
    [InlineData(1006)]
    public async Task OtherCloseCodes_Resume(int code)
    {
        await using var h = new GatewayHarness();
        h.Start();
        var first = await h.ConnectAndReadyAsync();

        first.Close(code);

        var second = await h.Server.NextConnectionAsync();
        Assert.Equal("wss://resume.test/?v=10&encoding=json", second.Uri!.ToString());
        second.Hello(40_000);
        await second.NextSentAsync(6);
    }

    [Fact]
    public async Task IdentifyBudgetUsedUp_WaitsForTheReset()
    {
        await using var h = new GatewayHarness();
        h.Api.Limit = h.Api.Limit with { Remaining = 0, ResetAfter = 60_000 };
        h.Start();

        await Eventually.True(() => h.Api.Calls == 1, "the budget is fetched");
        h.Clock.Advance(TimeSpan.FromSeconds(59));
        await Eventually.Settle();
        Assert.Equal(0, h.Server.ConnectionCount);

        h.Clock.Advance(TimeSpan.FromSeconds(1));
        var connection = await h.Server.NextConnectionAsync();
        connection.Hello(40_000);
        await connection.NextSentAsync(2);
    }
}

public sealed class GatewayReconnectBackoffTests
{
    [Fact]
    public async Task FailedConnects_BackOffExponentially_ThenResume()
    {
        await using var h = new GatewayHarness();
        h.Server.Clock = h.Clock;
        h.Start();
        var first = await h.ConnectAndReadyAsync();
        h.Server.FailNextConnects(3);
        var times = new List<DateTimeOffset>();

        first.Drop();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var next = h.Server.NextConnectionAsync();
            while (!next.IsCompleted)
            {
                h.Clock.Advance(TimeSpan.FromMilliseconds(50));
                await Task.Delay(2);
            }

            times.Add((await next).ConnectedAt!.Value);
        }

        // Jitter is fixed at 0.5, so each delay is 0.75 × 1 s, 2 s, 4 s.
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).ToList();
        Assert.True(gaps[0] >= TimeSpan.FromMilliseconds(750));
        Assert.True(gaps[1] >= TimeSpan.FromMilliseconds(1500));
        Assert.True(gaps[2] >= TimeSpan.FromMilliseconds(3000));
        Assert.Equal(5, h.Server.ConnectionCount);
    }
}
