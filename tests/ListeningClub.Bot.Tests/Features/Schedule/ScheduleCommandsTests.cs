using System.Text.Json.Nodes;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Schedule;

namespace ListeningClub.Bot.Tests.Features.Schedule;

/// <summary>/club schedule, pause, resume, skip and /schedule through the gateway, as managers and members use them.</summary>
public sealed class ScheduleCommandsTests
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
                ["type"] = o.Value switch { int => 4, bool => 5, _ => 3 },
                ["value"] = JsonValue.Create(o.Value),
            }).ToArray()),
        },
    ];

    private static string Text(InteractionRecord record) => Text(record.Callbacks[^1]["data"]) + Text(record.Original);

    private static string Text(JsonNode? message) =>
        (message?["content"]?.GetValue<string>() ?? "")
        + string.Concat((message?["embeds"] as JsonArray ?? []).Select(e => e?["description"]?.GetValue<string>()));

    [Fact]
    public async Task Managers_SetTheSchedule_WithClearMessages_AndMembersSeeTheNextSteps()
    {
        await using var bot = await RunningBot.StartAsync();
        var guildId = ulong.Parse(bot.Guild.GuildId, System.Globalization.CultureInfo.InvariantCulture);
        await bot.CommandAsync("boss", "club", Sub("setup", ("name", "Film Night"), ("kind", "film"), ("channel", bot.Guild.Channels["film-night"]), ("timezone", "America/New_York")));

        // Members can't change it; a mistyped option says how to write it and changes nothing.
        Assert.Contains("Only club managers", Text(await bot.CommandAsync("ana", "club", Sub("schedule", ("voting-opens", "Wednesday 20:00")))), StringComparison.Ordinal);
        var typo = Text(await bot.CommandAsync("boss", "club", Sub("schedule", ("voting-opens", "Wensday 20:00"))));
        Assert.Contains("voting-opens", typo, StringComparison.Ordinal);
        Assert.Contains("Thursday 18:00", typo, StringComparison.Ordinal);
        var order = Text(await bot.CommandAsync("boss", "club", Sub("schedule", ("voting-closes", "Tuesday 18:00"), ("voting-opens", "Friday 18:00"))));
        Assert.Contains("Voting must close after it opens", order, StringComparison.Ordinal);
        Assert.Equal(TrackSchedule.Weekly, (await bot.Get<IClubRepository>().GetAsync(guildId, default))!.Tracks[0].Schedule);

        var set = Text(await bot.CommandAsync("boss", "club", Sub("schedule", ("voting-opens", "wed 20:00"), ("reminders", "2h"), ("party", "Saturday 21:00"), ("party-event", true))));
        Assert.Contains("voting Wednesday 20:00 to Friday 18:00, party Saturday 21:00 (America/New_York)", set, StringComparison.Ordinal);
        var stored = (await bot.Get<IClubRepository>().GetAsync(guildId, default))!.Tracks[0].Schedule;
        Assert.Equal(new WeeklyTime(DayOfWeek.Wednesday, new TimeOnly(20, 0)), stored.VotingOpens);
        Assert.Equal([TimeSpan.FromHours(2)], stored.VotingReminders);
        Assert.True(stored.PartyEvent);

        // /schedule shows the steps as Discord timestamps (full date and relative) for every member's own time.
        var shown = Text(await bot.CommandAsync("ana", "schedule"));
        Assert.Contains("Voting opens — <t:", shown, StringComparison.Ordinal);
        Assert.Matches(@"<t:\d+:F> \(<t:\d+:R>\)", shown);
        Assert.Contains("Party reminder", shown, StringComparison.Ordinal);

        Assert.Contains("is paused", Text(await bot.CommandAsync("boss", "club", Sub("pause"))), StringComparison.Ordinal);
        Assert.Contains("paused", Text(await bot.CommandAsync("ana", "schedule")), StringComparison.Ordinal);
        Assert.Contains("running again", Text(await bot.CommandAsync("boss", "club", Sub("resume"))), StringComparison.Ordinal);
        Assert.Contains("Skipped a week", Text(await bot.CommandAsync("boss", "club", Sub("skip"))), StringComparison.Ordinal);
    }
}
