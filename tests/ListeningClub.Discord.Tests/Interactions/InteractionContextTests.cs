using System.Net;
using System.Text.Json;
using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Serialization;
using ListeningClub.Discord.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace ListeningClub.Discord.Tests.Interactions;

public sealed class InteractionContextTests
{
    private static InteractionContext Context(RestHarness h, int type = 2) => new(
        JsonSerializer.Deserialize($$$"""{"id":"1","application_id":"42","type":{{{type}}},"token":"tok","version":1,"data":{"name":"x","custom_id":"c"}}""", DiscordJsonContext.Default.Interaction)!,
        h.Clock.GetTimestamp(),
        h.Interactions,
        h.Clock,
        NullLogger.Instance);

    private static RestHarness Harness()
    {
        var h = new RestHarness();
        h.Handler.Respond = (r, _) => Task.FromResult(r.PathAndQuery.EndsWith("/callback", StringComparison.Ordinal) ? new HttpResponseMessage(HttpStatusCode.NoContent) : Responses.Message());
        return h;
    }

    [Fact]
    public async Task SecondReply_BecomesAFollowUp()
    {
        using var h = Harness();
        using var context = Context(h);

        await context.ReplyAsync(InteractionReply.Text("first"), default);
        await context.ReplyAsync(InteractionReply.Text("second", ephemeral: true), default);

        Assert.Equal("/api/v10/interactions/1/tok/callback", h.Handler.Requests[0].PathAndQuery);
        Assert.Equal("/api/v10/webhooks/42/tok?wait=true", h.Handler.Requests[1].PathAndQuery);
        Assert.Equal(64, JsonDocument.Parse(h.Handler.Requests[1].Body!).RootElement.GetProperty("flags").GetInt32());
    }

    [Fact]
    public async Task Modal_AfterADefer_IsRefused()
    {
        using var h = Harness();
        using var context = Context(h);

        await context.DeferAsync(ephemeral: false, default);

        await Assert.ThrowsAsync<InvalidOperationException>(() => context.OpenModalAsync(new InteractionModal("m", "Title", []), default));
        Assert.Single(h.Handler.Requests);
    }

    [Fact]
    public async Task ComponentDefer_IsADeferredUpdate()
    {
        using var h = Harness();
        using var context = Context(h, type: 3);

        await context.DeferAsync(ephemeral: false, default);
        await context.DeferAsync(ephemeral: false, default);

        var request = Assert.Single(h.Handler.Requests);
        Assert.Equal(6, JsonDocument.Parse(request.Body!).RootElement.GetProperty("type").GetInt32());
    }

    [Fact]
    public async Task LongModalTitle_IsCut_AndOversizedCustomId_IsABug()
    {
        using var h = Harness();
        using var context = Context(h);

        await context.OpenModalAsync(new InteractionModal("nominate:film", new string('T', 60), [Component.LabeledTextInput("Title", "title", TextInputStyle.Short)]), default);
        var data = JsonDocument.Parse(h.Handler.Requests[0].Body!).RootElement.GetProperty("data");
        Assert.True(data.GetProperty("title").GetString()!.Length <= 45);

        using var other = Context(h);
        await Assert.ThrowsAsync<ArgumentException>(() => other.OpenModalAsync(new InteractionModal(new string('x', 101), "t", []), default));
    }
}
