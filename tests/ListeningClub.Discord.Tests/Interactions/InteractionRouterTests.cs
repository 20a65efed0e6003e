using System.Net;
using System.Text.Json;
using ListeningClub.Discord.Hosting;
using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Serialization;
using ListeningClub.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Discord.Tests.Interactions;

public sealed class InteractionRouterTests
{
    private static RestHarness Harness() => new(services: s =>
    {
        s.AddSingleton<Probe>();
        s.AddSingleton<InteractionRouter>();
        s.AddInteractionHandler<NominateHandler>();
        s.AddInteractionHandler<VoteButtonHandler>();
        s.AddInteractionHandler<NominateModalHandler>();
        s.AddInteractionHandler<SlowHandler>();
        s.AddInteractionHandler<BlockingHandler>();
        s.AddInteractionHandler<FailingHandler>();
        s.AddInteractionHandler<PostingHandler>();
    });

    private static Interaction Parse(string json) => JsonSerializer.Deserialize(json, DiscordJsonContext.Default.Interaction)!;

    private static Interaction Command(ulong id, string name, string optionsJson = "[]") =>
        Parse($$$"""{"id":"{{{id}}}","application_id":"42","type":2,"token":"tok{{{id}}}","version":1,"data":{"id":"1","name":"{{{name}}}","type":1,"options":{{{optionsJson}}}}}""");

    private static Interaction Nominate(ulong id) =>
        Command(id, "club", """[{"name":"nominate","type":1,"options":[{"name":"title","type":3,"value":"Stalker"}]}]""");

    private static async Task Handle(RestHarness h, Interaction interaction, long? receivedAt = null)
    {
        using var scope = h.Services.CreateScope();
        var router = h.Services.GetRequiredService<InteractionRouter>();
        await router.HandleAsync(interaction, receivedAt ?? h.Clock.GetTimestamp(), scope.ServiceProvider, default);
    }

    private static JsonElement Body(RecordedRequest r) => JsonDocument.Parse(r.Body!).RootElement;

    private static Probe ProbeOf(RestHarness h) => h.Services.GetRequiredService<Probe>();

    [Fact]
    public async Task Command_WithSubcommand_ReachesItsHandler_AndRepliesOnce()
    {
        using var h = Harness();
        h.Handler.Respond = (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent));

        await Handle(h, Nominate(1));

        Assert.Equal(["command:club nominate:Stalker"], ProbeOf(h).Calls);
        var callback = Assert.Single(h.Handler.Requests);
        Assert.Equal("/api/v10/interactions/1/tok1/callback", callback.PathAndQuery);
        Assert.Equal(4, Body(callback).GetProperty("type").GetInt32());
        Assert.Equal("""{"parse":[]}""", Body(callback).GetProperty("data").GetProperty("allowed_mentions").GetRawText());
    }

    [Fact]
    public async Task Autocomplete_GoesToTheCommandsHandler()
    {
        using var h = Harness();
        h.Handler.Respond = (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent));

        await Handle(h, Parse("""{"id":"2","application_id":"42","type":4,"token":"t","version":1,"data":{"name":"club","type":1,"options":[{"name":"nominate","type":1,"options":[{"name":"title","type":3,"value":"Sta","focused":true}]}]}}"""));

        Assert.Equal(["autocomplete:Sta"], ProbeOf(h).Calls);
        var body = Body(Assert.Single(h.Handler.Requests));
        Assert.Equal(8, body.GetProperty("type").GetInt32());
        Assert.Equal("stalker", body.GetProperty("data").GetProperty("choices")[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task ComponentsAndModals_AreRoutedByCustomIdPrefix()
    {
        using var h = Harness();
        h.Handler.Respond = (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent));

        await Handle(h, Parse("""{"id":"3","application_id":"42","type":3,"token":"t","version":1,"data":{"custom_id":"vote:12:3","component_type":2}}"""));
        await Handle(h, Parse("""{"id":"4","application_id":"42","type":5,"token":"t","version":1,"data":{"custom_id":"nominate:film","components":[{"type":18,"component":{"type":4,"custom_id":"title","value":"Solaris"}}]}}"""));

        Assert.Equal(["component:vote:12:3", "modal:Solaris"], ProbeOf(h).Calls);
        Assert.Equal(7, Body(h.Handler.Requests[0]).GetProperty("type").GetInt32());
        Assert.Equal(64, Body(h.Handler.Requests[1]).GetProperty("data").GetProperty("flags").GetInt32());
    }

    [Fact]
    public async Task DuplicateDelivery_IsHandledOnce()
    {
        using var h = Harness();
        h.Handler.Respond = (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent));

        await Task.WhenAll(Handle(h, Nominate(5)), Handle(h, Nominate(5)), Handle(h, Nominate(5)));

        Assert.Single(ProbeOf(h).Calls);
        Assert.Single(h.Handler.Requests);
    }

    [Fact]
    public async Task SlowHandler_IsDeferredOnItsBehalf_ThenItsReplyEditsTheOriginal()
    {
        using var h = Harness();
        h.Handler.Respond = (r, _) => Task.FromResult(r.PathAndQuery.EndsWith("/callback", StringComparison.Ordinal)
            ? new HttpResponseMessage(HttpStatusCode.NoContent)
            : Responses.Message());
        var probe = ProbeOf(h);

        var handling = Handle(h, Command(6, "slow"));
        await probe.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        h.Clock.Advance(TimeSpan.FromMilliseconds(1400));
        await Eventually.Settle();
        Assert.Empty(h.Handler.Requests);

        h.Clock.Advance(TimeSpan.FromMilliseconds(100));
        await Eventually.True(() => h.Handler.Count == 1, "the router defers");
        var defer = Body(h.Handler.Requests[0]);
        Assert.Equal(5, defer.GetProperty("type").GetInt32());
        Assert.Equal(64, defer.GetProperty("data").GetProperty("flags").GetInt32());

        h.Clock.Advance(TimeSpan.FromSeconds(5));
        probe.Proceed.SetResult();
        await handling;

        Assert.Equal(2, h.Handler.Count);
        Assert.Equal(HttpMethod.Patch, h.Handler.Requests[1].Method);
        Assert.Equal("/api/v10/webhooks/42/tok6/messages/@original", h.Handler.Requests[1].PathAndQuery);
    }

    [Fact]
    public async Task HandlerBlockingItsThread_IsStillDeferredOnTime()
    {
        using var h = Harness();
        h.Handler.Respond = (r, _) => Task.FromResult(r.PathAndQuery.EndsWith("/callback", StringComparison.Ordinal)
            ? new HttpResponseMessage(HttpStatusCode.NoContent)
            : Responses.Message());
        var probe = ProbeOf(h);

        var handling = Task.Run(() => Handle(h, Command(8, "blocking")));
        await probe.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        h.Clock.Advance(TimeSpan.FromMilliseconds(1500));
        await Eventually.True(() => h.Handler.Count == 1, "the router defers while the handler's thread is blocked");
        Assert.Equal(5, Body(h.Handler.Requests[0]).GetProperty("type").GetInt32());

        probe.Released.Set();
        await handling;
        Assert.Equal(HttpMethod.Patch, h.Handler.Requests[1].Method);
    }

    [Fact]
    public async Task InteractionPastItsDeadline_GetsNoResponseAtAll()
    {
        using var h = Harness();
        var receivedAt = h.Clock.GetTimestamp();
        h.Clock.Advance(TimeSpan.FromSeconds(3.2));

        await Handle(h, Nominate(7), receivedAt);

        Assert.Single(ProbeOf(h).Calls);
        Assert.Empty(h.Handler.Requests);
    }

    [Fact]
    public async Task AnswerDiscordNoLongerKnows_IsOneWarningLine_AndNothingElseIsSent()
    {
        using var h = new RestHarness(services: s =>
        {
            s.AddFakeLogging();
            s.AddSingleton<Probe>();
            s.AddSingleton<InteractionRouter>();
            s.AddInteractionHandler<NominateHandler>();
        });
        h.Handler.Respond = (_, _) => Task.FromResult(Responses.Json(HttpStatusCode.NotFound, """{"message":"Unknown interaction","code":10062}"""));

        await Handle(h, Nominate(11));

        Assert.Single(h.Handler.Requests); // the late answer; no error reply follows on a dead token
        var logged = h.Services.GetFakeLogCollector().GetSnapshot().Where(r => r.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).ToList();
        var line = Assert.Single(logged);
        Assert.Null(line.Exception);
        Assert.Contains("answered interaction 11 too late: Discord no longer knew it", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AutoDeferDiscordNoLongerKnows_IsOneWarningLine_TheHandlersReplyIsNotSent_AndNothingThrows()
    {
        using var h = new RestHarness(services: s =>
        {
            s.AddFakeLogging();
            s.AddSingleton<Probe>();
            s.AddSingleton<InteractionRouter>();
            s.AddInteractionHandler<SlowHandler>();
        });
        h.Handler.Respond = (_, _) => Task.FromResult(Responses.Json(HttpStatusCode.NotFound, """{"message":"Unknown interaction","code":10062}"""));
        var probe = ProbeOf(h);

        var handling = Handle(h, Command(12, "slow"));
        await probe.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        h.Clock.Advance(TimeSpan.FromMilliseconds(1500));
        await Eventually.True(() => h.Handler.Count == 1, "the router tries to defer");
        probe.Proceed.SetResult();
        await handling; // nothing escapes to the gateway's dispatcher

        Assert.Single(h.Handler.Requests); // the handler's reply is not sent on a dead token
        var logged = h.Services.GetFakeLogCollector().GetSnapshot().Where(r => r.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).ToList();
        Assert.NotEmpty(logged);
        Assert.All(logged, line => Assert.Null(line.Exception));
        Assert.Contains(logged, line => line.Message.Contains("Interaction 12 not answered within the deadline", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandlerMeetingTheCloudflareBreaker_IsToldDiscordIsRefusingTheBot_NotSomethingWentWrong()
    {
        using var h = Harness();
        h.Handler.Respond = (r, _) => Task.FromResult(r.PathAndQuery.StartsWith("/api/v10/channels/", StringComparison.Ordinal)
            ? Responses.CloudflareTooManyRequests(retryAfterSeconds: 30)
            : new HttpResponseMessage(HttpStatusCode.NoContent));

        await Handle(h, Command(9, "post"));

        var reply = h.Handler.Requests[^1];
        Assert.EndsWith("/interactions/9/tok9/callback", reply.PathAndQuery, StringComparison.Ordinal);
        var body = Body(reply);
        Assert.Equal(64, body.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal("Discord is refusing the bot's requests for now (rate limited), so this could not be finished. Try again in a few minutes.", body.GetProperty("data").GetProperty("content").GetString());
    }

    [Fact]
    public async Task HandlerException_BecomesAnEphemeralErrorWithAnId()
    {
        using var h = Harness();
        h.Handler.Respond = (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent));

        await Handle(h, Command(8, "broken"));

        var body = Body(Assert.Single(h.Handler.Requests));
        Assert.Equal(4, body.GetProperty("type").GetInt32());
        Assert.Equal(64, body.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Matches(@"^Something went wrong \(error id [0-9a-f]+\)\.$", body.GetProperty("data").GetProperty("content").GetString());
    }

    [Fact]
    public void TwoHandlersClaimingOneRoute_FailAtStartup()
    {
        using var h = new RestHarness(services: s =>
        {
            s.AddSingleton<Probe>();
            s.AddSingleton<InteractionRouter>();
            s.AddInteractionHandler<VoteButtonHandler>();
            s.AddInteractionHandler<AnotherVoteHandler>();
        });

        var ex = Assert.Throws<InvalidOperationException>(() => h.Services.GetRequiredService<InteractionRouter>());
        Assert.Contains("vote", ex.Message, StringComparison.Ordinal);
    }

    public sealed class AnotherVoteHandler : IRoutedInteractionHandler
    {
        public static InteractionRoutes Routes => InteractionRoutes.ForComponents("vote");

        public Task HandleAsync(InteractionContext context, CancellationToken ct) => Task.CompletedTask;
    }
}
