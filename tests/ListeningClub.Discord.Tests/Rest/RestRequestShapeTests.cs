using System.Net;
using System.Text.Json;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Rest;
using ListeningClub.Discord.Rest.Resources;
using ListeningClub.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Discord.Tests.Rest;

public sealed class RestRequestShapeTests
{
    [Fact]
    public async Task BotRoutes_CarryTheBotTokenAndADiscordBotUserAgent()
    {
        using var h = new RestHarness();

        await h.Messages.CreateAsync(1, new MessageCreateRequest { Content = "x" }, default);

        var request = Assert.Single(h.Handler.Requests);
        Assert.Equal("Bot " + RestHarness.Token, request.Authorization);
        Assert.StartsWith("DiscordBot (https://", request.UserAgent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InteractionCallbacks_AreSentWithoutTheBotToken()
    {
        using var h = new RestHarness();
        h.Handler.Respond = (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent));

        await h.Interactions.CreateResponseAsync(42, "itoken", new InteractionResponse { Type = InteractionCallbackType.Pong }, default);

        var request = Assert.Single(h.Handler.Requests);
        Assert.Null(request.Authorization);
        Assert.Equal("/api/v10/interactions/42/itoken/callback", request.PathAndQuery);
    }

    [Fact]
    public async Task ErrorResponses_CarryDiscordsCodeAndMessage()
    {
        using var h = new RestHarness();
        h.Handler.Respond = (_, _) => Task.FromResult(Responses.Json(HttpStatusCode.BadRequest, """{"code":50035,"message":"Invalid Form Body","errors":{"content":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":"too long"}]}}}"""));

        var ex = await Assert.ThrowsAsync<DiscordRestException>(() => h.Messages.CreateAsync(1, new MessageCreateRequest { Content = "x" }, default));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal(DiscordJsonErrorCodes.InvalidFormBody, ex.Code);
        Assert.Equal("Invalid Form Body", ex.DiscordMessage);
        Assert.True(ex.Errors!.Value.TryGetProperty("content", out _));
        Assert.Equal(1, h.Handler.Count);
    }

    [Fact]
    public async Task CallerNonce_IsKept_SoAnOutboxCanRetryAcrossRestarts()
    {
        using var h = new RestHarness();

        await h.Messages.CreateAsync(1, new MessageCreateRequest { Content = "x", Nonce = "outbox-17" }, default);

        var body = JsonDocument.Parse(h.Handler.Requests[0].Body!).RootElement;
        Assert.Equal("outbox-17", body.GetProperty("nonce").GetString());
    }

    [Fact]
    public async Task ThreadWithoutMessage_DefaultsToPublic()
    {
        using var h = new RestHarness();
        h.Handler.Respond = (_, _) => Task.FromResult(Responses.Json(HttpStatusCode.Created, """{"id":"77","type":11,"guild_id":"3","name":"t"}"""));

        var thread = await h.Services.GetRequiredService<IThreadsApi>().StartWithoutMessageAsync(1, new StartThreadRequest { Name = "Week 3" }, default);

        Assert.Equal(ChannelType.PublicThread, thread.Type);
        var body = JsonDocument.Parse(h.Handler.Requests[0].Body!).RootElement;
        Assert.Equal(11, body.GetProperty("type").GetInt32());
    }

    [Fact]
    public async Task PollVoters_AndEndPoll_UseDiscordsRoutes()
    {
        using var h = new RestHarness();
        h.Handler.Respond = (r, _) => Task.FromResult(r.PathAndQuery.Contains("/answers/", StringComparison.Ordinal)
            ? Responses.Json(HttpStatusCode.OK, """{"users":[{"id":"11","username":"ann"}]}""")
            : Responses.Message());
        var polls = h.Services.GetRequiredService<IPollsApi>();

        var voters = await polls.GetAnswerVotersAsync(1, 2, 3, after: 10, limit: 100, default);
        await polls.EndPollAsync(1, 2, default);

        Assert.Equal(11UL, Assert.Single(voters.Users).Id);
        Assert.Equal("/api/v10/channels/1/polls/2/answers/3?limit=100&after=10", h.Handler.Requests[0].PathAndQuery);
        Assert.Equal("/api/v10/channels/1/polls/2/expire", h.Handler.Requests[1].PathAndQuery);
    }
}
