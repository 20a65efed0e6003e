using System.Net;
using System.Text.Json.Nodes;
using ListeningClub.Discord.Emulator.Control;

namespace ListeningClub.Discord.Emulator.Tests.Interactions;

public sealed class InteractionTests : IAsyncLifetime
{
    private Harness _h = null!;
    private CreatedGuild _g = null!;

    public async Task InitializeAsync()
    {
        _h = await Harness.StartAsync(new EmulatorSettings { RateLimitsEnabled = false }, fakeTime: true);
        _g = await _h.GuildAsync();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private Task<CreatedInteraction> CommandAsync() => _h.Control.SendCommandAsync(_g.GuildId, _g.Channels["general"], _g.Users["alice"], "club");

    private Task<Reply> CallbackAsync(CreatedInteraction i, JsonObject body, string query = "") =>
        _h.SendAsync(HttpMethod.Post, $"interactions/{i.Id}/{i.Token}/callback{query}", body.ToJsonString(), r => r.Headers.Authorization = null);

    private string Hook(CreatedInteraction i, string rest = "") => $"webhooks/{_h.Emulator.ApplicationId}/{i.Token}{rest}";

    [Fact]
    public async Task Reply_WithinDeadline_Gets204_AndRecordsAcknowledgementLatency()
    {
        var i = await CommandAsync();
        _h.Time!.Advance(TimeSpan.FromMilliseconds(1200));
        var reply = await CallbackAsync(i, new JsonObject { ["type"] = 4, ["data"] = new JsonObject { ["content"] = "Nominated!" } });
        Assert.Equal(HttpStatusCode.NoContent, reply.Status);
        var record = await _h.Control.GetInteractionAsync(i.Id);
        Assert.True(record.Acknowledged);
        Assert.Equal(1200, record.AcknowledgedAfterMs!.Value, 1);
        Assert.False(record.DeadlineMissed);
        Assert.Equal("Nominated!", record.Original!["content"]!.GetValue<string>());
        Assert.Equal(20, record.Original["type"]!.GetValue<int>());
    }

    [Fact]
    public async Task LateCallback_Gets404UnknownInteraction_AndCountsAMissedDeadline()
    {
        var i = await CommandAsync();
        _h.Time!.Advance(TimeSpan.FromMilliseconds(3001));
        var reply = await CallbackAsync(i, new JsonObject { ["type"] = 5 });
        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal(10062, reply.Code);
        Assert.True((await _h.Control.GetInteractionAsync(i.Id)).DeadlineMissed);
        Assert.Equal(1, (await _h.Control.StatsAsync()).DeadlineMisses);
    }

    [Fact]
    public async Task NeverAnswered_IsCountedAsMissed_OnceTheDeadlinePasses()
    {
        await CommandAsync();
        Assert.Equal(0, (await _h.Control.StatsAsync()).DeadlineMisses);
        _h.Time!.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(1, (await _h.Control.StatsAsync()).DeadlineMisses);
    }

    [Fact]
    public async Task SecondAcknowledgement_Gets400AlreadyAcknowledged()
    {
        var i = await CommandAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await CallbackAsync(i, new JsonObject { ["type"] = 5 })).Status);
        var second = await CallbackAsync(i, new JsonObject { ["type"] = 4, ["data"] = new JsonObject { ["content"] = "again" } });
        Assert.Equal(HttpStatusCode.BadRequest, second.Status);
        Assert.Equal(40060, second.Code);
    }

    [Fact]
    public async Task Defer_ThenEditOriginal_ReplacesTheLoadingMessage()
    {
        var i = await CommandAsync();
        await CallbackAsync(i, new JsonObject { ["type"] = 5, ["data"] = new JsonObject { ["flags"] = 64 } });
        var loading = await _h.SendAsync(HttpMethod.Get, Hook(i, "/messages/@original"), (string?)null);
        Assert.Equal(64 | 128, loading.Json["flags"]!.GetValue<int>());

        var edited = await _h.SendAsync(HttpMethod.Patch, Hook(i, "/messages/@original"), new JsonObject { ["content"] = "Here is the tally" });
        Assert.Equal(HttpStatusCode.OK, edited.Status);
        Assert.Equal("Here is the tally", edited.Json["content"]!.GetValue<string>());
        Assert.Equal(64, edited.Json["flags"]!.GetValue<int>());

        Assert.Equal(HttpStatusCode.NoContent, (await _h.SendAsync(HttpMethod.Delete, Hook(i, "/messages/@original"), (string?)null)).Status);
        Assert.Equal(10008, (await _h.SendAsync(HttpMethod.Get, Hook(i, "/messages/@original"), (string?)null)).Code);
    }

    [Fact]
    public async Task FirstFollowupAfterDefer_EditsTheLoadingMessage_LegacyQuirk()
    {
        var i = await CommandAsync();
        await CallbackAsync(i, new JsonObject { ["type"] = 5 });
        var first = await _h.SendAsync(HttpMethod.Post, Hook(i), new JsonObject { ["content"] = "first" });
        var second = await _h.SendAsync(HttpMethod.Post, Hook(i), new JsonObject { ["content"] = "second", ["flags"] = 64 });
        var record = await _h.Control.GetInteractionAsync(i.Id);
        Assert.Equal(record.Original!["id"]!.GetValue<string>(), first.Json["id"]!.GetValue<string>());
        Assert.Single(record.Followups);
        Assert.Equal(64, second.Json["flags"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, (await _h.SendAsync(HttpMethod.Get, Hook(i, $"/messages/{second.Json["id"]}"), (string?)null)).Status);
    }

    [Fact]
    public async Task Followups_WorkFor15Minutes_ThenTheTokenIsInvalid()
    {
        var i = await CommandAsync();
        await CallbackAsync(i, new JsonObject { ["type"] = 4, ["data"] = new JsonObject { ["content"] = "ok" } });
        _h.Time!.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.OK, (await _h.SendAsync(HttpMethod.Post, Hook(i), new JsonObject { ["content"] = "still here" })).Status);
        _h.Time.Advance(TimeSpan.FromMinutes(1.1));
        var expired = await _h.SendAsync(HttpMethod.Post, Hook(i), new JsonObject { ["content"] = "too late" });
        Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);
        Assert.Equal(50027, expired.Code);
    }

    [Fact]
    public async Task FollowupBeforeAcknowledgement_GetsUnknownWebhook()
    {
        var i = await CommandAsync();
        var reply = await _h.SendAsync(HttpMethod.Post, Hook(i), new JsonObject { ["content"] = "early" });
        Assert.Equal(10015, reply.Code);
    }

    [Fact]
    public async Task AutocompleteResult_OnlyForAutocomplete_AndModalNotForModalSubmit()
    {
        var command = await CommandAsync();
        var wrong = await CallbackAsync(command, new JsonObject { ["type"] = 8, ["data"] = new JsonObject { ["choices"] = new JsonArray() } });
        Assert.Equal(50035, wrong.Code);

        var auto = await _h.Control.SendInteractionAsync(new InteractionSpec(_g.Channels["general"], _g.Users["alice"], 4, new JsonObject { ["id"] = "1", ["name"] = "nominate", ["type"] = 1 }, _g.GuildId));
        var choices = new JsonArray(new JsonObject { ["name"] = "Stalker (1979)", ["value"] = "stalker" });
        Assert.Equal(HttpStatusCode.NoContent, (await CallbackAsync(auto, new JsonObject { ["type"] = 8, ["data"] = new JsonObject { ["choices"] = choices } })).Status);

        var submit = await _h.Control.SendInteractionAsync(new InteractionSpec(_g.Channels["general"], _g.Users["alice"], 5, new JsonObject { ["custom_id"] = "m", ["components"] = new JsonArray() }, _g.GuildId));
        var modal = Modal(1);
        Assert.Equal(50035, (await CallbackAsync(submit, modal)).Code);
    }

    [Fact]
    public async Task Modal_WithSixComponents_IsRejected_DocsLimit5WinsOverSpec40()
    {
        var i = await CommandAsync();
        var tooMany = await CallbackAsync(i, Modal(6));
        Assert.Contains("data.components: BASE_TYPE_BAD_LENGTH", tooMany.FormErrors());
        var ok = await CallbackAsync(i, Modal(5));
        Assert.Equal(HttpStatusCode.NoContent, ok.Status);
        Assert.Equal(9, (await _h.Control.GetInteractionAsync(i.Id)).ResponseType);
    }

    [Fact]
    public async Task ComponentInteraction_UpdateMessage_EditsTheSourceMessage()
    {
        var general = _g.Channels["general"];
        var posted = await _h.PostMessageAsync(general, new JsonObject
        {
            ["content"] = "Vote!",
            ["components"] = new JsonArray(new JsonObject { ["type"] = 1, ["components"] = new JsonArray(new JsonObject { ["type"] = 2, ["style"] = 1, ["label"] = "A", ["custom_id"] = "vote:a" }) }),
        });
        var source = posted.Json["id"]!.GetValue<string>();
        var click = await _h.Control.SendInteractionAsync(new InteractionSpec(general, _g.Users["bob"], 3, new JsonObject { ["custom_id"] = "vote:a", ["component_type"] = 2 }, _g.GuildId, source));
        var reply = await CallbackAsync(click, new JsonObject { ["type"] = 7, ["data"] = new JsonObject { ["content"] = "Voted" } }, "?with_response=true");
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(source, reply.Json["interaction"]!["response_message_id"]!.GetValue<string>());
        var now = await _h.SendAsync(HttpMethod.Get, $"channels/{general}/messages/{source}", (string?)null);
        Assert.Equal("Voted", now.Json["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Answered_AfterADefer_WaitsForTheDeferredReply_NotTheLoadingMessage()
    {
        var i = await CommandAsync();
        await CallbackAsync(i, new JsonObject { ["type"] = 5, ["data"] = new JsonObject { ["flags"] = 64 } });

        var deferred = await _h.Control.GetInteractionAsync(i.Id);
        Assert.False(deferred.Answered);
        Assert.Equal("", deferred.Original!["content"]!.GetValue<string>()); // the loading message: nothing to read yet
        await Assert.ThrowsAsync<TimeoutException>(() => _h.Control.WaitUntilAnsweredAsync(i.Id, TimeSpan.Zero));

        var waiting = _h.Control.WaitUntilAnsweredAsync(i.Id, TimeSpan.FromSeconds(60));
        await _h.SendAsync(HttpMethod.Patch, Hook(i, "/messages/@original"), new JsonObject { ["content"] = "Here is your export" });
        var answered = await waiting;
        Assert.True(answered.Answered);
        Assert.Equal("Here is your export", answered.Original!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Answered_AfterAComponentDefer_WaitsForTheEditOfItsMessage()
    {
        var general = _g.Channels["general"];
        var posted = await _h.PostMessageAsync(general, new JsonObject
        {
            ["content"] = "Page 1",
            ["components"] = new JsonArray(new JsonObject { ["type"] = 1, ["components"] = new JsonArray(new JsonObject { ["type"] = 2, ["style"] = 1, ["label"] = "▶", ["custom_id"] = "page:2" }) }),
        });
        var click = await _h.Control.SendInteractionAsync(new InteractionSpec(general, _g.Users["bob"], 3, new JsonObject { ["custom_id"] = "page:2", ["component_type"] = 2 }, _g.GuildId, posted.Json["id"]!.GetValue<string>()));
        await CallbackAsync(click, new JsonObject { ["type"] = 6 });
        Assert.False((await _h.Control.GetInteractionAsync(click.Id)).Answered);

        await _h.SendAsync(HttpMethod.Patch, Hook(click, "/messages/@original"), new JsonObject { ["content"] = "Page 2" });
        var answered = await _h.Control.WaitUntilAnsweredAsync(click.Id, TimeSpan.FromSeconds(60));
        Assert.Equal("Page 2", answered.Original!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Answered_ByAReply_AtOnce()
    {
        var i = await CommandAsync();
        await CallbackAsync(i, new JsonObject { ["type"] = 4, ["data"] = new JsonObject { ["content"] = "Nominated!" } });
        var answered = await _h.Control.WaitUntilAnsweredAsync(i.Id, TimeSpan.Zero);
        Assert.Equal("Nominated!", answered.Original!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeliveredInteraction_CarriesMemberPermissionsTokenAndVersion()
    {
        var i = await _h.Control.SendCommandAsync(_g.GuildId, _g.Channels["general"], _g.Users["bob"], "club");
        var payload = (await _h.Control.GetInteractionAsync(i.Id)).Payload;
        Assert.Equal(i.Token, payload["token"]!.GetValue<string>());
        Assert.Equal(1, payload["version"]!.GetValue<int>());
        Assert.Equal(2, payload["type"]!.GetValue<int>());
        var permissions = ulong.Parse(payload["member"]!["permissions"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotEqual(0UL, permissions & 32UL); // Managers role grants MANAGE_GUILD
        Assert.Equal(_g.Users["bob"], payload["member"]!["user"]!["id"]!.GetValue<string>());
        Assert.NotNull(payload["app_permissions"]!.GetValue<string>());
    }

    [Fact]
    public async Task PollPastItsExpiry_IsFinalisedWhenRead_AndAResultMessageIsPosted()
    {
        var general = _g.Channels["general"];
        var poll = await _h.PostMessageAsync(general, new JsonObject
        {
            ["poll"] = new JsonObject
            {
                ["question"] = new JsonObject { ["text"] = "Next album?" },
                ["answers"] = new JsonArray(new JsonObject { ["poll_media"] = new JsonObject { ["text"] = "Kid A" } }, new JsonObject { ["poll_media"] = new JsonObject { ["text"] = "Blue" } }),
                ["duration"] = 1,
            },
        });
        var id = poll.Json["id"]!.GetValue<string>();
        await _h.Control.VoteAsync(new PollVote(general, id, _g.Users["alice"], [1]));
        _h.Time!.Advance(TimeSpan.FromMinutes(59));
        Assert.False((await _h.SendAsync(HttpMethod.Get, $"channels/{general}/messages/{id}", (string?)null)).Json["poll"]!["results"]!["is_finalized"]!.GetValue<bool>());

        _h.Time.Advance(TimeSpan.FromMinutes(2));
        var after = await _h.SendAsync(HttpMethod.Get, $"channels/{general}/messages/{id}", (string?)null);
        Assert.True(after.Json["poll"]!["results"]!["is_finalized"]!.GetValue<bool>());
        Assert.Equal(1, after.Json["poll"]!["results"]!["answer_counts"]![0]!["count"]!.GetValue<int>());
        var result = Assert.Single(await _h.Control.MessagesAsync(general), m => m.Type == 46);
        Assert.Equal(id, result.Message["message_reference"]!["message_id"]!.GetValue<string>());
    }

    private static JsonObject Modal(int components) => new()
    {
        ["type"] = 9,
        ["data"] = new JsonObject
        {
            ["custom_id"] = "nominate_modal",
            ["title"] = "Nominate",
            ["components"] = new JsonArray(Enumerable.Range(0, components).Select(n => (JsonNode)new JsonObject
            {
                ["type"] = 18,
                ["label"] = $"Field {n}",
                ["component"] = new JsonObject { ["type"] = 4, ["custom_id"] = $"f{n}", ["style"] = 1 },
            }).ToArray()),
        },
    };
}
