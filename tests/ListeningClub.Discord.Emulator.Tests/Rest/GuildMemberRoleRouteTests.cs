using System.Globalization;
using System.Net;

namespace ListeningClub.Discord.Emulator.Tests.Rest;

/// <summary>PUT/DELETE /guilds/{g}/members/{u}/roles/{r}: idempotent 204s, Discord's error codes, and the permission and hierarchy checks.</summary>
public sealed class GuildMemberRoleRouteTests
{
    [Fact]
    public async Task AddAndRemove_Are204AndIdempotent_AndChangeTheMember()
    {
        await using var h = await Harness.StartAsync(new EmulatorSettings { RateLimitsEnabled = false });
        var g = await h.GuildAsync();
        var path = $"guilds/{g.GuildId}/members/{g.Users["carol"]}/roles/{g.Roles["Members"]}";
        var carol = h.Emulator.Core.State.Guilds[ulong.Parse(g.GuildId, CultureInfo.InvariantCulture)].Members[ulong.Parse(g.Users["carol"], CultureInfo.InvariantCulture)];

        Assert.Equal(HttpStatusCode.NoContent, (await h.SendAsync(HttpMethod.Put, path, (string?)null)).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await h.SendAsync(HttpMethod.Put, path, (string?)null)).Status);
        Assert.Single(carol.RoleIds);
        Assert.Equal(HttpStatusCode.NoContent, (await h.SendAsync(HttpMethod.Delete, path, (string?)null)).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await h.SendAsync(HttpMethod.Delete, path, (string?)null)).Status);
        Assert.Empty(carol.RoleIds);
    }

    [Fact]
    public async Task UnknownGuildMemberOrRole_GetDiscordsCodes()
    {
        await using var h = await Harness.StartAsync(new EmulatorSettings { RateLimitsEnabled = false });
        var g = await h.GuildAsync();
        Assert.Equal(10004, (await h.SendAsync(HttpMethod.Put, $"guilds/1/members/{g.Users["carol"]}/roles/{g.Roles["Members"]}", (string?)null)).Code);
        Assert.Equal(10007, (await h.SendAsync(HttpMethod.Put, $"guilds/{g.GuildId}/members/1/roles/{g.Roles["Members"]}", (string?)null)).Code);
        Assert.Equal(10011, (await h.SendAsync(HttpMethod.Put, $"guilds/{g.GuildId}/members/{g.Users["carol"]}/roles/1", (string?)null)).Code);
        Assert.Equal(10011, (await h.SendAsync(HttpMethod.Put, $"guilds/{g.GuildId}/members/{g.Users["carol"]}/roles/{g.GuildId}", (string?)null)).Code); // @everyone
    }

    [Fact]
    public async Task WithoutManageRoles_OrForARoleAboveTheBots_Is50013()
    {
        await using var h = await Harness.StartAsync(new EmulatorSettings { RateLimitsEnabled = false });
        var g = await h.GuildAsync(botPermissions: "2048");
        var path = $"guilds/{g.GuildId}/members/{g.Users["carol"]}/roles/{g.Roles["Managers"]}";
        var refused = await h.SendAsync(HttpMethod.Put, path, (string?)null);
        Assert.Equal((HttpStatusCode.Forbidden, 50013), (refused.Status, refused.Code));

        // With Manage Roles but holding only the lower "Members" role, the bot can't hand out "Managers".
        var guild = h.Emulator.Core.State.Guilds[ulong.Parse(g.GuildId, CultureInfo.InvariantCulture)];
        var bot = guild.Members[h.Emulator.BotUserId];
        bot.ExtraPermissions = 1UL << 28;
        bot.RoleIds.Add(ulong.Parse(g.Roles["Members"], CultureInfo.InvariantCulture));
        Assert.Equal(50013, (await h.SendAsync(HttpMethod.Put, path, (string?)null)).Code);
        Assert.Equal(50013, (await h.SendAsync(HttpMethod.Put, path.Replace(g.Roles["Managers"], g.Roles["Members"], StringComparison.Ordinal), (string?)null)).Code); // nor its own highest
        bot.RoleIds.Add(ulong.Parse(g.Roles["Managers"], CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.NoContent, (await h.SendAsync(HttpMethod.Put, path.Replace(g.Roles["Managers"], g.Roles["Members"], StringComparison.Ordinal), (string?)null)).Status);
    }
}
