using System.Net;
using System.Text.Json.Nodes;

namespace ListeningClub.Discord.Emulator.Tests.Contract;

/// <summary>Request bodies are held to openapi.json plus the stricter limits of the docs (REFERENCE.md §0).</summary>
public sealed class ContractTests(SharedEmulator shared) : IClassFixture<SharedEmulator>
{
    private readonly Harness _h = shared.H;
    private readonly string _channel = shared.Guild.Channels["general"];

    [Fact]
    public async Task Content2001Chars_IsRejected_DocsLimit2000WinsOverSpec4000()
    {
        var ok = await _h.PostMessageAsync(_channel, new JsonObject { ["content"] = new string('a', 2000) });
        var tooLong = await _h.PostMessageAsync(_channel, new JsonObject { ["content"] = new string('a', 2001) });
        Assert.Equal(HttpStatusCode.OK, ok.Status);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Equal(50035, tooLong.Code);
        Assert.Contains("content: BASE_TYPE_MAX_LENGTH", tooLong.FormErrors());
    }

    [Fact]
    public async Task PollAnswer56Chars_IsRejected_DocsLimit55WinsOverSpec300()
    {
        var poll = new JsonObject
        {
            ["poll"] = new JsonObject
            {
                ["question"] = new JsonObject { ["text"] = "Next film?" },
                ["answers"] = new JsonArray(new JsonObject { ["poll_media"] = new JsonObject { ["text"] = new string('b', 56) } }),
            },
        };
        var reply = await _h.PostMessageAsync(_channel, poll);
        Assert.Equal(50035, reply.Code);
        Assert.Contains("poll.answers.0.poll_media.text: BASE_TYPE_MAX_LENGTH", reply.FormErrors());
    }

    [Fact]
    public async Task WrongTypes_AreReportedPerField_WithStringLeafCodes()
    {
        var reply = await _h.SendAsync(HttpMethod.Post, $"channels/{_channel}/messages", """{"content":"x","tts":"yes","embeds":[{"title":5}]}""");
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        var errors = reply.FormErrors();
        Assert.Contains("tts: BASE_TYPE_BOOLEAN", errors);
        Assert.Contains("embeds.0.title: BASE_TYPE_STRING", errors);
    }

    [Fact]
    public async Task UnknownExtraFields_AreIgnored_AsDiscordDoes()
    {
        var reply = await _h.SendAsync(HttpMethod.Post, $"channels/{_channel}/messages", """{"content":"hello","enforce_nonce":false,"totally_new_field":{"x":1}}""");
        Assert.Equal(HttpStatusCode.OK, reply.Status);
    }

    [Fact]
    public async Task InvalidJson_Gets50109()
    {
        var reply = await _h.SendAsync(HttpMethod.Post, $"channels/{_channel}/messages", "{\"content\": ");
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(50109, reply.Code);
    }

    [Fact]
    public async Task EmptyMessage_Gets50006()
    {
        var reply = await _h.PostMessageAsync(_channel, new JsonObject { ["content"] = "" });
        Assert.Equal(50006, reply.Code);
    }

    [Fact]
    public async Task EmbedTotalOver6000_IsRejected()
    {
        var embeds = new JsonArray(Enumerable.Range(0, 2).Select(_ => (JsonNode)new JsonObject { ["description"] = new string('d', 3500) }).ToArray());
        var reply = await _h.PostMessageAsync(_channel, new JsonObject { ["embeds"] = embeds });
        Assert.Contains("embeds: MAX_EMBED_SIZE_EXCEEDED", reply.FormErrors());
    }

    [Fact]
    public async Task AllowedMentions_ParseUsersWithUsersList_IsMutuallyExclusive()
    {
        var body = new JsonObject
        {
            ["content"] = "hi",
            ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray("users"), ["users"] = new JsonArray("123") },
        };
        var reply = await _h.PostMessageAsync(_channel, body);
        Assert.Contains("allowed_mentions: MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE", reply.FormErrors());
    }

    [Fact]
    public async Task CommandChoiceValue101Chars_IsRejected_DocsLimit100WinsOverSpec6000()
    {
        var app = _h.Emulator.ApplicationId;
        var command = new JsonObject
        {
            ["name"] = "nominate",
            ["description"] = "Nominate",
            ["options"] = new JsonArray(new JsonObject
            {
                ["type"] = 3,
                ["name"] = "kind",
                ["description"] = "Kind",
                ["choices"] = new JsonArray(new JsonObject { ["name"] = "Film", ["value"] = new string('v', 101) }),
            }),
        };
        var reply = await _h.SendAsync(HttpMethod.Put, $"applications/{app}/commands", new JsonArray(command));
        Assert.Contains("0.options.0.choices.0.value: BASE_TYPE_MAX_LENGTH", reply.FormErrors());
    }

    [Fact]
    public async Task CommandRules_UppercaseNameAndRequiredAfterOptional_AreRejected()
    {
        var app = _h.Emulator.ApplicationId;
        var command = new JsonObject
        {
            ["name"] = "Nominate",
            ["description"] = "Nominate",
            ["options"] = new JsonArray(
                new JsonObject { ["type"] = 3, ["name"] = "pitch", ["description"] = "Pitch" },
                new JsonObject { ["type"] = 3, ["name"] = "title", ["description"] = "Title", ["required"] = true }),
        };
        var errors = (await _h.SendAsync(HttpMethod.Put, $"applications/{app}/commands", new JsonArray(command))).FormErrors();
        Assert.Contains("0.name: APPLICATION_COMMAND_INVALID_NAME", errors);
        Assert.Contains("0.options.1.required: APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", errors);
    }

    [Fact]
    public async Task MissingRequiredField_GetsBaseTypeRequired()
    {
        var message = (await _h.PostMessageAsync(_channel, new JsonObject { ["content"] = "pick" })).Json["id"]!.GetValue<string>();
        var reply = await _h.SendAsync(HttpMethod.Post, $"channels/{_channel}/messages/{message}/threads", new JsonObject { ["auto_archive_duration"] = 60 });
        Assert.Contains("name: BASE_TYPE_REQUIRED", reply.FormErrors());
    }

    [Fact]
    public async Task Responses_ValidateAgainstTheSpecsResponseSchemas()
    {
        var contract = _h.Emulator.Core.Contract!;
        var created = await _h.PostMessageAsync(_channel, new JsonObject
        {
            ["content"] = "hello <@1>",
            ["embeds"] = new JsonArray(new JsonObject { ["title"] = "t", ["fields"] = new JsonArray(new JsonObject { ["name"] = "a", ["value"] = "b" }) }),
            ["poll"] = new JsonObject { ["question"] = new JsonObject { ["text"] = "q" }, ["answers"] = new JsonArray(new JsonObject { ["poll_media"] = new JsonObject { ["text"] = "a" } }) },
        });
        AssertValid(contract.ValidateResponse("create_message", 200, created.Text));

        var channel = await _h.SendAsync(HttpMethod.Get, $"channels/{_channel}", (string?)null);
        AssertValid(contract.ValidateResponse("get_channel", 200, channel.Text));

        var user = await _h.SendAsync(HttpMethod.Get, "users/@me", (string?)null);
        AssertValid(contract.ValidateResponse("get_my_user", 200, user.Text));

        var gateway = await _h.SendAsync(HttpMethod.Get, "gateway/bot", (string?)null);
        AssertValid(contract.ValidateResponse("get_bot_gateway", 200, gateway.Text));

        var thread = await _h.SendAsync(HttpMethod.Post, $"channels/{_channel}/messages/{created.Json["id"]}/threads", new JsonObject { ["name"] = "Discussion" });
        AssertValid(contract.ValidateResponse("create_thread_from_message", 201, thread.Text));

        var app = _h.Emulator.ApplicationId;
        var commands = await _h.SendAsync(HttpMethod.Put, $"applications/{app}/commands", new JsonArray(new JsonObject { ["name"] = "club", ["description"] = "Club" }));
        AssertValid(contract.ValidateResponse("bulk_set_application_commands", 200, commands.Text));

        var list = await _h.SendAsync(HttpMethod.Get, $"channels/{_channel}/messages?limit=10", (string?)null);
        AssertValid(contract.ValidateResponse("list_messages", 200, list.Text));

        var expired = await _h.SendAsync(HttpMethod.Post, $"channels/{_channel}/polls/{created.Json["id"]}/expire", (string?)null);
        AssertValid(contract.ValidateResponse("poll_expire", 200, expired.Text));

        var guild = channel.Json["guild_id"]!.GetValue<string>();
        var evt = await _h.SendAsync(HttpMethod.Post, $"guilds/{guild}/scheduled-events", new JsonObject
        {
            ["name"] = "Film night",
            ["scheduled_start_time"] = "2026-12-04T19:00:00Z",
            ["scheduled_end_time"] = "2026-12-04T22:00:00Z",
            ["privacy_level"] = 2,
            ["entity_type"] = 3,
            ["entity_metadata"] = new JsonObject { ["location"] = "At home" },
        });
        AssertValid(contract.ValidateResponse("create_guild_scheduled_event", 200, evt.Text));

        var guildChannels = await _h.SendAsync(HttpMethod.Get, $"guilds/{guild}/channels", (string?)null);
        AssertValid(contract.ValidateResponse("list_guild_channels", 200, guildChannels.Text));
    }

    private static void AssertValid(IReadOnlyList<string>? problems)
    {
        Assert.NotNull(problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
