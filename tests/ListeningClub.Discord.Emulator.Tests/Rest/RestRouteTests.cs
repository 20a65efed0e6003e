using System.Net;
using System.Text.Json.Nodes;
using ListeningClub.Discord.Emulator.Control;

namespace ListeningClub.Discord.Emulator.Tests.Rest;

public sealed class RestRouteTests(SharedEmulator shared) : IClassFixture<SharedEmulator>
{
    private readonly Harness _h = shared.H;
    private readonly CreatedGuild _g = shared.Guild;

    private string General => _g.Channels["general"];

    private async Task<string> PostAsync(string content) => (await _h.PostMessageAsync(General, new JsonObject { ["content"] = content })).Json["id"]!.GetValue<string>();

    private static JsonObject Poll() => new()
    {
        ["poll"] = new JsonObject
        {
            ["question"] = new JsonObject { ["text"] = "Next film?" },
            ["answers"] = new JsonArray(new JsonObject { ["poll_media"] = new JsonObject { ["text"] = "Stalker" } }, new JsonObject { ["poll_media"] = new JsonObject { ["text"] = "Solaris" } }),
            ["duration"] = 24,
        },
    };

    [Fact]
    public async Task UnknownChannelAndMessage_Get10003And10008()
    {
        var channel = await _h.SendAsync(HttpMethod.Get, "channels/123/messages/456", (string?)null);
        Assert.Equal(HttpStatusCode.NotFound, channel.Status);
        Assert.Equal(10003, channel.Code);
        var message = await _h.SendAsync(HttpMethod.Get, $"channels/{General}/messages/456", (string?)null);
        Assert.Equal(10008, message.Code);
    }

    [Fact]
    public async Task Messages_CreateGetListEditDelete()
    {
        var first = await PostAsync("one");
        var second = await PostAsync("two");
        var list = (await _h.SendAsync(HttpMethod.Get, $"channels/{General}/messages?limit=1", (string?)null)).Json.AsArray();
        Assert.Equal(second, Assert.Single(list)!["id"]!.GetValue<string>());
        var before = (await _h.SendAsync(HttpMethod.Get, $"channels/{General}/messages?before={second}", (string?)null)).Json.AsArray();
        Assert.Equal(first, Assert.Single(before)!["id"]!.GetValue<string>());

        var edited = await _h.SendAsync(HttpMethod.Patch, $"channels/{General}/messages/{first}", new JsonObject { ["content"] = "uno" });
        Assert.Equal("uno", edited.Json["content"]!.GetValue<string>());
        Assert.NotNull(edited.Json["edited_timestamp"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await _h.SendAsync(HttpMethod.Delete, $"channels/{General}/messages/{first}", (string?)null)).Status);
        Assert.Equal(10008, (await _h.SendAsync(HttpMethod.Get, $"channels/{General}/messages/{first}", (string?)null)).Code);
    }

    [Fact]
    public async Task EnforcedNonce_SecondCreateReturnsTheFirstMessage_WithoutEnforceItPostsAgain()
    {
        var nonce = "nonce-" + Guid.NewGuid().ToString("N")[..12];
        JsonObject Body(bool enforce) => new() { ["content"] = nonce, ["nonce"] = nonce, ["enforce_nonce"] = enforce };

        var first = (await _h.PostMessageAsync(General, Body(enforce: true))).Json["id"]!.GetValue<string>();
        var retry = (await _h.PostMessageAsync(General, Body(enforce: true))).Json["id"]!.GetValue<string>();
        var unenforced = (await _h.PostMessageAsync(General, Body(enforce: false))).Json["id"]!.GetValue<string>();

        Assert.Equal(first, retry);
        Assert.NotEqual(first, unenforced);
        Assert.Equal(2, (await _h.Control.MessagesAsync(General)).Count(m => m.Content == nonce));
    }

    [Fact]
    public async Task MissingSendPermission_Gets403MissingPermissions()
    {
        await using var h = await Harness.StartAsync(new EmulatorSettings { RateLimitsEnabled = false });
        var g = await h.Control.CreateGuildAsync(new GuildSpec("Locked", [new ChannelSpec("general")], EveryonePermissions: "0", BotPermissions: "1024"));
        var reply = await h.PostMessageAsync(g.Channels["general"], new JsonObject { ["content"] = "hi" });
        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Equal(50013, reply.Code);
        Assert.Equal(1, (await h.Control.StatsAsync()).InvalidRequestsLast10Minutes);
    }

    [Fact]
    public async Task Poll_CannotBeEdited_ExpireFinalisesItAndPostsAPollResultMessage()
    {
        var poll = (await _h.PostMessageAsync(General, Poll())).Json;
        var id = poll["id"]!.GetValue<string>();
        Assert.Equal(1, poll["poll"]!["answers"]![0]!["answer_id"]!.GetValue<int>());
        await _h.Control.VoteAsync(new PollVote(General, id, _g.Users["alice"], [2]));

        var edit = await _h.SendAsync(HttpMethod.Patch, $"channels/{General}/messages/{id}", new JsonObject { ["content"] = "changed" });
        Assert.Equal(520003, edit.Code);

        var expired = await _h.SendAsync(HttpMethod.Post, $"channels/{General}/polls/{id}/expire", (string?)null);
        Assert.True(expired.Json["poll"]!["results"]!["is_finalized"]!.GetValue<bool>());
        var result = (await _h.Control.MessagesAsync(General)).Last();
        Assert.Equal(46, result.Type);
        var fields = result.Message["embeds"]![0]!["fields"]!.AsArray();
        Assert.Contains(fields, f => f!["name"]!.GetValue<string>() == "victor_answer_text" && f["value"]!.GetValue<string>() == "Solaris");

        var late = await Assert.ThrowsAsync<HttpRequestException>(() => _h.Control.VoteAsync(new PollVote(General, id, _g.Users["bob"], [1])));
        Assert.Contains("520001", late.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpireNonPoll_Gets520006()
    {
        var id = await PostAsync("plain");
        Assert.Equal(520006, (await _h.SendAsync(HttpMethod.Post, $"channels/{General}/polls/{id}/expire", (string?)null)).Code);
    }

    [Fact]
    public async Task ThreadFromMessage_HasTheMessagesId_AndASecondOneGets160004()
    {
        var id = await PostAsync("This week: Stalker");
        var thread = await _h.SendAsync(HttpMethod.Post, $"channels/{General}/messages/{id}/threads", new JsonObject { ["name"] = "Stalker discussion", ["auto_archive_duration"] = 1440 });
        Assert.Equal(HttpStatusCode.Created, thread.Status);
        Assert.Equal(id, thread.Json["id"]!.GetValue<string>());
        Assert.Equal(11, thread.Json["type"]!.GetValue<int>());
        Assert.Equal(1440, thread.Json["thread_metadata"]!["auto_archive_duration"]!.GetValue<int>());
        var again = await _h.SendAsync(HttpMethod.Post, $"channels/{General}/messages/{id}/threads", new JsonObject { ["name"] = "again" });
        Assert.Equal(160004, again.Code);
        var inThread = await _h.PostMessageAsync(id, new JsonObject { ["content"] = "What did you think?" });
        Assert.Equal(HttpStatusCode.OK, inThread.Status);
    }

    [Fact]
    public async Task ThreadWithoutMessage_DefaultsToPrivate_AndForumPostCarriesItsStarterMessage()
    {
        var thread = await _h.SendAsync(HttpMethod.Post, $"channels/{General}/threads", new JsonObject { ["name"] = "Side chat" });
        Assert.Equal(12, thread.Json["type"]!.GetValue<int>());

        var forum = _g.Channels["forum"];
        var missing = await _h.SendAsync(HttpMethod.Post, $"channels/{forum}/threads", new JsonObject { ["name"] = "Review" });
        Assert.Equal(50035, missing.Code);
        var post = await _h.SendAsync(HttpMethod.Post, $"channels/{forum}/threads", new JsonObject { ["name"] = "Review: Stalker", ["message"] = new JsonObject { ["content"] = "Thoughts?" } });
        Assert.Equal(HttpStatusCode.Created, post.Status);
        Assert.Equal(11, post.Json["type"]!.GetValue<int>());
        Assert.Equal(post.Json["id"]!.GetValue<string>(), post.Json["message"]!["id"]!.GetValue<string>());
        Assert.Equal("Thoughts?", post.Json["message"]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task MessagesInAVoiceChannel_Get50024()
    {
        var reply = await _h.PostMessageAsync(_g.Channels["voice"], new JsonObject { ["content"] = "hi" });
        Assert.Equal(50024, reply.Code);
    }

    [Fact]
    public async Task BulkOverwrite_KeepsIdsOfCommandsWithTheSameName_AndReplacesTheRest()
    {
        var app = _h.Emulator.ApplicationId;
        var path = $"applications/{app}/guilds/{_g.GuildId}/commands";
        var first = (await _h.SendAsync(HttpMethod.Put, path, new JsonArray(
            new JsonObject { ["name"] = "nominate", ["description"] = "Nominate" },
            new JsonObject { ["name"] = "vote", ["description"] = "Vote" }))).Json.AsArray();
        var second = (await _h.SendAsync(HttpMethod.Put, path, new JsonArray(
            new JsonObject { ["name"] = "nominate", ["description"] = "Nominate a film" },
            new JsonObject { ["name"] = "Rate", ["type"] = 3 }))).Json.AsArray();

        var nominateBefore = first.Single(c => c!["name"]!.GetValue<string>() == "nominate")!["id"]!.GetValue<string>();
        var nominateAfter = second.Single(c => c!["name"]!.GetValue<string>() == "nominate")!;
        Assert.Equal(nominateBefore, nominateAfter["id"]!.GetValue<string>());
        Assert.Equal("Nominate a film", nominateAfter["description"]!.GetValue<string>());
        Assert.Equal(_g.GuildId, nominateAfter["guild_id"]!.GetValue<string>());
        var listed = (await _h.SendAsync(HttpMethod.Get, path, (string?)null)).Json.AsArray();
        Assert.Equal(["Rate", "nominate"], listed.Select(c => c!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));

        var unknownGuild = await _h.SendAsync(HttpMethod.Put, $"applications/{app}/guilds/1/commands", new JsonArray());
        Assert.Equal(10004, unknownGuild.Code);
    }

    [Fact]
    public async Task DefaultMemberPermissions_AcceptsIntOrString_AndIsAlwaysReturnedAsString()
    {
        var app = _h.Emulator.ApplicationId;
        var reply = await _h.SendAsync(HttpMethod.Put, $"applications/{app}/commands", new JsonArray(
            new JsonObject { ["name"] = "admin", ["description"] = "Admin", ["default_member_permissions"] = 32 },
            new JsonObject { ["name"] = "manage", ["description"] = "Manage", ["default_member_permissions"] = "8" }));
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var perms = reply.Json.AsArray().Select(c => c!["default_member_permissions"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal(["32", "8"], perms);
    }

    [Fact]
    public async Task Dm_CreateReturnsTheSameChannelTwice_AndAcceptsMessages()
    {
        var body = new JsonObject { ["recipient_id"] = _g.Users["alice"] };
        var first = await _h.SendAsync(HttpMethod.Post, "users/@me/channels", body);
        var second = await _h.SendAsync(HttpMethod.Post, "users/@me/channels", body);
        Assert.Equal(1, first.Json["type"]!.GetValue<int>());
        Assert.Equal(first.Json["id"]!.GetValue<string>(), second.Json["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await _h.PostMessageAsync(first.Json["id"]!.GetValue<string>(), new JsonObject { ["content"] = "Reminder: vote closes tonight" })).Status);
    }

    [Fact]
    public async Task ScheduledEvents_ValidateEntityRules_AndStatusTransitions()
    {
        var path = $"guilds/{_g.GuildId}/scheduled-events";
        var external = new JsonObject
        {
            ["name"] = "Film night",
            ["scheduled_start_time"] = "2026-12-04T19:00:00Z",
            ["privacy_level"] = 2,
            ["entity_type"] = 3,
        };
        var invalid = await _h.SendAsync(HttpMethod.Post, path, external);
        Assert.Equal(50035, invalid.Code);

        external["scheduled_end_time"] = "2026-12-04T22:00:00Z";
        external["entity_metadata"] = new JsonObject { ["location"] = "At home" };
        var created = await _h.SendAsync(HttpMethod.Post, path, external);
        Assert.Equal(HttpStatusCode.OK, created.Status);
        var id = created.Json["id"]!.GetValue<string>();
        Assert.Equal(1, created.Json["status"]!.GetValue<int>());

        var toCompleted = await _h.SendAsync(HttpMethod.Patch, $"{path}/{id}", new JsonObject { ["status"] = 3 });
        Assert.Equal(50035, toCompleted.Code);
        Assert.Equal(HttpStatusCode.OK, (await _h.SendAsync(HttpMethod.Patch, $"{path}/{id}", new JsonObject { ["status"] = 2 })).Status);
        Assert.Equal(HttpStatusCode.OK, (await _h.SendAsync(HttpMethod.Patch, $"{path}/{id}", new JsonObject { ["status"] = 3 })).Status);

        var listed = (await _h.SendAsync(HttpMethod.Get, $"{path}?with_user_count=true", (string?)null)).Json.AsArray();
        Assert.Equal(0, Assert.Single(listed)!["user_count"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NoContent, (await _h.SendAsync(HttpMethod.Delete, $"{path}/{id}", (string?)null)).Status);
        Assert.Equal(10070, (await _h.SendAsync(HttpMethod.Get, $"{path}/{id}", (string?)null)).Code);
    }

    [Fact]
    public async Task GuildChannels_ListsTheGuildsChannels()
    {
        var channels = (await _h.SendAsync(HttpMethod.Get, $"guilds/{_g.GuildId}/channels", (string?)null)).Json.AsArray();
        Assert.Equal(["films", "forum", "general", "voice"], channels.Select(c => c!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }
}
