using System.Text.Json.Nodes;
using CsCheck;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Discord.Emulator.Mentions;
using ListeningClub.Discord.Emulator.State;

namespace ListeningClub.Discord.Emulator.Tests.Mentions;

public sealed class MentionTests(SharedEmulator shared) : IClassFixture<SharedEmulator>
{
    private readonly Harness _h = shared.H;
    private readonly CreatedGuild _g = shared.Guild;

    private async Task<Notifications> PostAsync(JsonObject body, string channel = "general")
    {
        var reply = await _h.PostMessageAsync(_g.Channels[channel], body);
        Assert.Equal(System.Net.HttpStatusCode.OK, reply.Status);
        var id = reply.Json["id"]!.GetValue<string>();
        return (await _h.Control.MessagesAsync(_g.Channels[channel])).Single(m => m.Id == id).Notifications;
    }

    [Fact]
    public async Task NoAllowedMentions_EverythingInTheContentPings()
    {
        var alice = _g.Users["alice"];
        var members = _g.Roles["Members"];
        var n = await PostAsync(new JsonObject { ["content"] = $"@everyone <@{alice}> <@&{members}>" });
        Assert.True(n.Everyone);
        Assert.Equal([alice], n.Users);
        Assert.Equal([members], n.Roles);
        Assert.True(n.NotifiesAnyone);
    }

    [Fact]
    public async Task EmptyParse_NobodyIsNotified_WhateverTheTextSays()
    {
        var n = await PostAsync(new JsonObject
        {
            ["content"] = $"@everyone @here <@{_g.Users["alice"]}> <@!{_g.Users["bob"]}> <@&{_g.Roles["Members"]}>",
            ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
        });
        Assert.False(n.NotifiesAnyone);
        Assert.Empty(n.Users);
        Assert.False(n.Everyone);
    }

    [Fact]
    public async Task UsersList_PingsOnlyListedUsersThatAreMentioned()
    {
        var alice = _g.Users["alice"];
        var bob = _g.Users["bob"];
        var carol = _g.Users["carol"];
        var n = await PostAsync(new JsonObject
        {
            ["content"] = $"<@{alice}> <@{bob}> @everyone",
            ["allowed_mentions"] = new JsonObject { ["users"] = new JsonArray(alice, carol) },
        });
        Assert.Equal([alice], n.Users);
        Assert.False(n.Everyone);
    }

    [Fact]
    public async Task NonMentionableRole_PingsOnlyWhenTheBotMayMentionEveryone()
    {
        await using var h = await Harness.StartAsync(new EmulatorSettings { RateLimitsEnabled = false });
        var g = await h.GuildAsync(botPermissions: ((1UL << 11) | (1UL << 10)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var reply = await h.PostMessageAsync(g.Channels["general"], new JsonObject { ["content"] = $"<@&{g.Roles["Managers"]}> <@&{g.Roles["Members"]}> @everyone" });
        var n = (await h.Control.MessagesAsync(g.Channels["general"])).Single(m => m.Id == reply.Json["id"]!.GetValue<string>()).Notifications;
        Assert.Equal([g.Roles["Members"]], n.Roles);
        Assert.False(n.Everyone);
    }

    [Fact]
    public async Task Reply_PingsTheRepliedAuthor_UnlessAllowedMentionsLeavesRepliedUserOff()
    {
        var general = _g.Channels["general"];
        var alice = _g.Users["alice"];
        var byAlice = await _h.Control.PostUserMessageAsync(new UserMessageSpec(general, alice, "what should we watch?"));
        var reference = new JsonObject { ["message_id"] = byAlice.Id };

        var implicitPing = await PostAsync(new JsonObject { ["content"] = "Stalker", ["message_reference"] = reference.DeepClone() });
        var quiet = await PostAsync(new JsonObject { ["content"] = "Stalker", ["message_reference"] = reference.DeepClone(), ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() } });
        var explicitPing = await PostAsync(new JsonObject { ["content"] = "Stalker", ["message_reference"] = reference.DeepClone(), ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray(), ["replied_user"] = true } });

        Assert.Equal([alice], implicitPing.Users);
        Assert.Empty(quiet.Users);
        Assert.Equal([alice], explicitPing.Users);
    }

    [Fact]
    public async Task InteractionReply_WithoutAllowedMentions_ParsesOnlyUsers()
    {
        var alice = _g.Users["alice"];
        var interaction = await _h.Control.SendCommandAsync(_g.GuildId, _g.Channels["general"], alice, "club");
        await _h.SendAsync(HttpMethod.Post, $"interactions/{interaction.Id}/{interaction.Token}/callback",
            new JsonObject { ["type"] = 4, ["data"] = new JsonObject { ["content"] = $"@everyone <@{alice}> <@&{_g.Roles["Members"]}>" } });
        var record = await _h.Control.GetInteractionAsync(interaction.Id);
        var n = (await _h.Control.MessagesAsync(_g.Channels["general"])).Single(m => m.Id == record.Original!["id"]!.GetValue<string>()).Notifications;
        Assert.Equal([alice], n.Users);
        Assert.Empty(n.Roles);
        Assert.False(n.Everyone);
    }

    [Fact]
    public async Task EditedMessage_RecomputesNotifications_AndStatsCountMessagesThatNotified()
    {
        var general = _g.Channels["general"];
        var reply = await _h.PostMessageAsync(general, new JsonObject { ["content"] = "quiet", ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() } });
        var id = reply.Json["id"]!.GetValue<string>();
        var before = (await _h.Control.StatsAsync()).MessagesThatNotified;
        await _h.SendAsync(HttpMethod.Patch, $"channels/{general}/messages/{id}", new JsonObject { ["content"] = "@everyone", ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray("everyone") } });
        Assert.True((await _h.Control.MessagesAsync(general)).Single(m => m.Id == id).Notifications.Everyone);
        Assert.Equal(before + 1, (await _h.Control.StatsAsync()).MessagesThatNotified);
    }

    [Fact]
    public void Property_EmptyParseWithoutLists_NeverNotifiesAnyone()
    {
        var state = new EmulatorState();
        var guild = new GuildEntity { Id = 1, Name = "g", OwnerId = 99 };
        guild.Roles.Add(new RoleEntity { Id = 1, GuildId = 1, Name = "@everyone", Permissions = Permissions.All });
        guild.Roles.Add(new RoleEntity { Id = 5, GuildId = 1, Name = "r", Mentionable = true });
        guild.Members[7] = new MemberEntity { UserId = 7, ExtraPermissions = Permissions.Administrator };
        state.Guilds[1] = guild;
        string[] words = ["@everyone", "@here", "<@1>", "<@!2>", "<@&5>", "hello", " ", "<@", "@", "&"];
        var pieces = Gen.Int[0, words.Length - 1].Select(i => words[i]);
        pieces.Array[0, 30].Select(p => string.Concat(p)).Sample(content =>
        {
            var outcome = MentionResolver.Resolve(state, 1, 7, content, new JsonObject { ["parse"] = new JsonArray() }, MentionResolver.DefaultParse.Everything, null, 0);
            Assert.False(outcome.NotifiesAnyone);
        });
    }
}
