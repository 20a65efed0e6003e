using System.Globalization;
using System.Text.Json.Nodes;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Domain.Clubs;

namespace ListeningClub.Bot.Tests.Features.Reminders;

/// <summary>/club reminder-role, /remind on|off and the Remind me button through the gateway.</summary>
public sealed class RemindCommandsTests
{
    private static JsonArray Sub(string name, params (string Name, object Value)[] options) =>
    [
        new JsonObject
        {
            ["type"] = 1,
            ["name"] = name,
            ["options"] = new JsonArray(options.Select(o => (JsonNode)new JsonObject
            {
                ["name"] = o.Name,
                ["type"] = o.Value switch { bool => 5, _ => 3 },
                ["value"] = JsonValue.Create(o.Value),
            }).ToArray()),
        },
    ];

    private static string Content(InteractionRecord record) =>
        (record.Callbacks[^1]["data"]?["content"] ?? record.Original?["content"])?.GetValue<string>() ?? "";

    [Fact]
    public async Task Members_OptInAndOut_WithTheCommandAndTheButton()
    {
        await using var bot = await RunningBot.StartAsync();
        var guildId = ulong.Parse(bot.Guild.GuildId, CultureInfo.InvariantCulture);
        var role = ulong.Parse(bot.Guild.Roles["Club Manager"], CultureInfo.InvariantCulture);
        var ana = ulong.Parse(bot.Guild.Users["ana"], CultureInfo.InvariantCulture);
        var members = bot.Emulator.Core.State.Guilds[guildId].Members;
        await bot.CommandAsync("boss", "club", Sub("setup", ("name", "Film Night"), ("kind", "film"), ("channel", bot.Guild.Channels["film-night"]), ("timezone", "Europe/Berlin")));

        Assert.Contains("no reminder role yet", Content(await bot.CommandAsync("ana", "remind", Sub("on"))), StringComparison.Ordinal);
        Assert.Contains("never ping @everyone", Content(await bot.CommandAsync("boss", "club", Sub("reminder-role", ("role", bot.Guild.GuildId)))), StringComparison.Ordinal);
        Assert.Contains("now ping", Content(await bot.CommandAsync("boss", "club", Sub("reminder-role", ("role", role.ToString(CultureInfo.InvariantCulture))))), StringComparison.Ordinal);

        Assert.Contains("You'll be pinged", Content(await bot.CommandAsync("ana", "remind", Sub("on", ("dm", true)))), StringComparison.Ordinal);
        Assert.Contains(role, members[ana].RoleIds);
        var track = (await bot.Get<IClubRepository>().GetAsync(guildId, default))!.Tracks[0];
        Assert.Equal([ana], track.DmReminderMembers);

        Assert.Contains("No more direct-message reminders", Content(await bot.CommandAsync("ana", "remind", Sub("off"))), StringComparison.Ordinal);
        Assert.DoesNotContain(role, members[ana].RoleIds);
        Assert.Empty((await bot.Get<IClubRepository>().GetAsync(guildId, default))!.Tracks[0].DmReminderMembers);

        // The button toggles: in, then out again.
        var post = await bot.Control.PostUserMessageAsync(new UserMessageSpec(bot.Guild.Channels["film-night"], bot.Guild.Users["ben"], "hello"));
        Assert.Contains("You'll be pinged", Content(await bot.ComponentAsync("ana", $"remind:{track.Id}", post.Id)), StringComparison.Ordinal);
        Assert.Contains(role, members[ana].RoleIds);
        Assert.Contains("No more reminder pings", Content(await bot.ComponentAsync("ana", $"remind:{track.Id}", post.Id)), StringComparison.Ordinal);
        Assert.DoesNotContain(role, members[ana].RoleIds);
    }
}
