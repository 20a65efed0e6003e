using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ListeningClub.Discord.Emulator.Control;

namespace ListeningClub.Discord.Emulator.Tests.Rest;

/// <summary>Channels as the bot meets them on Discord: lookups, overwrites, its own role, and resolved command options.</summary>
public sealed class ChannelAccessTests : IAsyncLifetime
{
    private const ulong ViewChannel = 1UL << 10;
    private const ulong SendMessages = 1UL << 11;
    private const ulong BotGrant = ViewChannel | SendMessages | (1UL << 14);

    private Harness _h = null!;
    private CreatedGuild _g = null!;

    public async Task InitializeAsync()
    {
        _h = await Harness.StartAsync(new EmulatorSettings { RateLimitsEnabled = false });
        _g = await _h.GuildAsync(botPermissions: BotGrant.ToString(CultureInfo.InvariantCulture));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private string Bot => _h.Emulator.BotUserId.ToString(CultureInfo.InvariantCulture);

    private static string Bits(ulong bits) => bits.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task GetChannel_Unknown404_10003_HiddenFromTheBot403_50001_AnotherGuildsWithItsGuildId()
    {
        var other = await _h.Control.CreateGuildAsync(new GuildSpec("Other", [new ChannelSpec("elsewhere")]));
        await _h.Control.SetPermissionOverwriteAsync(_g.Channels["films"], Bot, new OverwriteSpec(1, Deny: Bits(ViewChannel)));

        var unknown = await _h.SendAsync(HttpMethod.Get, "channels/123", (string?)null);
        var hidden = await _h.SendAsync(HttpMethod.Get, $"channels/{_g.Channels["films"]}", (string?)null);
        var elsewhere = await _h.SendAsync(HttpMethod.Get, $"channels/{other.Channels["elsewhere"]}", (string?)null);

        Assert.Equal((HttpStatusCode.NotFound, 10003), (unknown.Status, unknown.Code));
        Assert.Equal((HttpStatusCode.Forbidden, 50001), (hidden.Status, hidden.Code));
        Assert.Equal(HttpStatusCode.OK, elsewhere.Status);
        Assert.Equal(other.GuildId, elsewhere.Json["guild_id"]!.GetValue<string>());
        Assert.Equal((HttpStatusCode.Forbidden, 50001), await PostStatusAsync(_g.Channels["films"]));
    }

    [Fact]
    public async Task Overwrites_ApplyInDiscordsOrder_EveryoneThenRolesThenTheMember()
    {
        var general = _g.Channels["general"];

        // @everyone may not send here; the bot's grant allows it at guild level, but the @everyone overwrite comes after roles.
        await _h.Control.SetPermissionOverwriteAsync(general, _g.GuildId, new OverwriteSpec(0, Deny: Bits(SendMessages)));
        Assert.Equal((HttpStatusCode.Forbidden, 50013), await PostStatusAsync(general));

        // A role overwrite for the bot's own role gives it back.
        var botRole = await BotRoleIdAsync();
        await _h.Control.SetPermissionOverwriteAsync(general, botRole, new OverwriteSpec(0, Allow: Bits(SendMessages)));
        Assert.Equal(HttpStatusCode.OK, (await PostStatusAsync(general)).Status);

        // The member's own overwrite wins over its roles.
        await _h.Control.SetPermissionOverwriteAsync(general, Bot, new OverwriteSpec(1, Deny: Bits(SendMessages)));
        Assert.Equal((HttpStatusCode.Forbidden, 50013), await PostStatusAsync(general));

        var channel = (await _h.SendAsync(HttpMethod.Get, $"channels/{general}", (string?)null)).Json;
        var overwrites = channel["permission_overwrites"]!.AsArray().Select(o => (o!["id"]!.GetValue<string>(), o["type"]!.GetValue<int>(), o["allow"]!.GetValue<string>(), o["deny"]!.GetValue<string>())).ToList();
        Assert.Equal([(_g.GuildId, 0, "0", Bits(SendMessages)), (botRole, 0, Bits(SendMessages), "0"), (Bot, 1, "0", Bits(SendMessages))], overwrites);
        Assert.Empty(_h.Emulator.Core.Contract!.ValidateResponse("get_channel", 200, channel.ToJsonString())!);

        // An interaction from that channel carries the bot's permissions there.
        var interaction = await _h.Control.SendCommandAsync(_g.GuildId, general, _g.Users["alice"], "club");
        var record = await _h.Control.GetInteractionAsync(interaction.Id);
        var appPermissions = ulong.Parse(record.Payload["app_permissions"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        Assert.Equal(ViewChannel, appPermissions & (ViewChannel | SendMessages));
    }

    [Fact]
    public async Task TheBotsGrant_ShowsAsItsManagedRole_InTheGuildAndOnItsMember()
    {
        var guild = await _h.SendAsync(HttpMethod.Get, $"guilds/{_g.GuildId}", (string?)null);
        var member = await _h.SendAsync(HttpMethod.Get, $"guilds/{_g.GuildId}/members/{Bot}", (string?)null);

        var role = guild.Json["roles"]!.AsArray().Single(r => r!["managed"]!.GetValue<bool>())!;
        Assert.Equal(Bits(BotGrant), role["permissions"]!.GetValue<string>());
        Assert.Equal(Bot, role["tags"]!["bot_id"]!.GetValue<string>());
        Assert.Contains(role["id"]!.GetValue<string>(), member.Json["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        var problems = _h.Emulator.Core.Contract!.ValidateResponse("get_guild", 200, guild.Text)!;
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Empty(_h.Emulator.Core.Contract!.ValidateResponse("get_guild_member", 200, member.Text)!);
    }

    [Fact]
    public async Task CommandOptions_AreTypedFromTheRegisteredCommand_AndOnlyThisGuildsEntitiesAreResolved()
    {
        var app = _h.Emulator.ApplicationId;
        var registered = await _h.SendAsync(HttpMethod.Put, $"applications/{app}/guilds/{_g.GuildId}/commands", new JsonArray(new JsonObject
        {
            ["name"] = "setup",
            ["description"] = "Set up",
            ["options"] = new JsonArray(
                new JsonObject { ["type"] = 7, ["name"] = "channel", ["description"] = "Where" },
                new JsonObject { ["type"] = 7, ["name"] = "other", ["description"] = "Elsewhere" },
                new JsonObject { ["type"] = 7, ["name"] = "nothing", ["description"] = "Nowhere" },
                new JsonObject { ["type"] = 8, ["name"] = "role", ["description"] = "Who" },
                new JsonObject { ["type"] = 6, ["name"] = "member", ["description"] = "Whom" }),
        }));
        Assert.Equal(HttpStatusCode.OK, registered.Status);
        var other = await _h.Control.CreateGuildAsync(new GuildSpec("Other", [new ChannelSpec("elsewhere")]));

        // Ids sent as plain strings, the way a test writes them.
        var options = new JsonArray(
            Option("channel", _g.Channels["forum"]),
            Option("other", other.Channels["elsewhere"]),
            Option("nothing", "123"),
            Option("role", _g.Roles["Members"]),
            Option("member", _g.Users["carol"]));
        var sent = await _h.Control.SendCommandAsync(_g.GuildId, _g.Channels["general"], _g.Users["alice"], "setup", options);
        var data = (await _h.Control.GetInteractionAsync(sent.Id)).Payload["data"]!;

        Assert.Equal([7, 7, 7, 8, 6], data["options"]!.AsArray().Select(o => o!["type"]!.GetValue<int>()));
        var channels = data["resolved"]!["channels"]!.AsObject();
        var forum = Assert.Single(channels).Value!;
        Assert.Equal((_g.Channels["forum"], "forum", 15), (forum["id"]!.GetValue<string>(), forum["name"]!.GetValue<string>(), forum["type"]!.GetValue<int>()));
        Assert.NotNull(forum["permissions"]);
        Assert.Equal("Members", data["resolved"]!["roles"]![_g.Roles["Members"]]!["name"]!.GetValue<string>());
        Assert.Equal("carol", data["resolved"]!["users"]![_g.Users["carol"]]!["username"]!.GetValue<string>());
        Assert.Null(data["resolved"]!["members"]![_g.Users["carol"]]!["user"]);
    }

    private static JsonObject Option(string name, string value) => new() { ["name"] = name, ["type"] = 3, ["value"] = value };

    private async Task<string> BotRoleIdAsync()
    {
        var member = await _h.SendAsync(HttpMethod.Get, $"guilds/{_g.GuildId}/members/{Bot}", (string?)null);
        return Assert.Single(member.Json["roles"]!.AsArray())!.GetValue<string>();
    }

    /// <summary>The status of a message the bot posts there, with Discord's error code (0 when it was posted).</summary>
    private async Task<(HttpStatusCode Status, int Code)> PostStatusAsync(string channel)
    {
        var reply = await _h.PostMessageAsync(channel, new JsonObject { ["content"] = "hello" });
        return (reply.Status, reply.Status == HttpStatusCode.OK ? 0 : reply.Code);
    }
}
