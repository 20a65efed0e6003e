using System.Text.Json.Nodes;
using ListeningClub.Application.Nominations;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Schedule;
using static ListeningClub.Discord.Emulator.Control.Slash;

namespace ListeningClub.Bot.Tests.EndToEnd;

/// <summary>
/// Every bad input a member or manager can send through Discord: the answer is private, says what to fix, and the
/// store is exactly as it was.
/// </summary>
public sealed class BadInputTests
{
    [Fact]
    public async Task EveryBadInput_GetsAPrivateAnswerSayingWhatToFix_AndChangesNothing()
    {
        await using var bot = await RunningBot.StartAsync();
        await bot.CommandAsync("boss", "club", Sub("setup", ("name", "Film Night"), ("kind", "film"), ("channel", bot.Guild.Channels["film-night"]), ("timezone", "Europe/Berlin"), ("method", "plurality")));
        await bot.StepDoneInEveryTrackAsync(StepPlanner.NominationsKey);
        await bot.CommandAsync("ana", "nominate", Sub("film", ("title", "Alien"), ("year", 1979)));
        var track = (await bot.Get<IClubRepository>().GetAsync(bot.GuildId, default))!.Tracks[0];
        var alien = (await bot.Get<NominationService>().ListCurrentAsync(track, default)).Nominations.Single().Id.ToString();

        (string Member, string Command, JsonArray Options, string Says)[] whileNominating =
        [
            ("ben", "nominate", Sub("film", ("title", "   ")), "The title is empty"),
            ("ben", "nominate", Sub("film", ("title", "Brazil"), ("year", 1500)), "year must be between 1870 and"),
            ("ben", "nominate", Sub("film", ("title", "Brazil"), ("link", "javascript:alert(1)")), "link must be a web address"),
            ("ben", "nominate", Sub("film", ("title", "Brazil"), ("pitch", new string('x', MediaFactory.MaxPitchLength + 1))), $"the limit is {MediaFactory.MaxPitchLength}"),
            ("ben", "nominate", Sub("film", ("title", new string('t', MediaFactory.MaxTitleLength + 5))), $"the limit is {MediaFactory.MaxTitleLength}"),
            ("ana", "nominate", Sub("film", ("title", "Heat")), "the limit is 1"),
            ("ben", "nominate", Sub("film", ("title", "alien (1979)")), "is already nominated this cycle"),
            ("ben", "nominate", Sub("album", ("title", "Blue"), ("artist", "Joni Mitchell")), "This club has no album tracks yet"),
            ("ben", "nominate", Sub("film", ("title", "Heat"), ("track", "Book Club")), "There is no track called \"Book Club\""),
            ("ben", "withdraw", Plain(("nomination", alien)), "only withdraw your own"),
            ("ben", "withdraw", Plain(("nomination", "not-an-id")), "Choose one of your nominations"),
            ("ben", "vote", Plain(), "Film Night"),
            ("ben", "rate", Plain(("score", 7)), "Film Night"),
            ("ben", "rate", Plain(("score", 11)), "score must be between 1 and 10"),
            ("ben", "prompt", Sub("suggest", ("text", "Why?")), "at least 10 characters"),
            ("boss", "club", Sub("setup", ("name", "Album Club"), ("kind", "album"), ("channel", bot.Guild.Channels["album-club"]), ("timezone", "Mars/Olympus_Mons")), "is not a time zone I know"),
            ("boss", "club", Sub("setup", ("name", "Film Night"), ("kind", "album"), ("channel", bot.Guild.Channels["film-night"]), ("timezone", "Europe/Berlin")), "its kind can't change"),
            ("boss", "club", Sub("veto", ("nomination", "not-an-id"), ("reason", "no")), "Choose the nomination from the list"),
            ("boss", "club", Sub("close-voting"), "isn't open"),
            ("boss", "club", Group("prompts", "remove", ("prompt", "not-an-id")), "Choose the prompt from the list"),
            ("boss", "club", Group("prompts", "add", ("text", "Too short")), "at least 10 characters"),
        ];
        await AssertRefusedAsync(bot, whileNominating);

        await bot.CommandAsync("boss", "club", Sub("open-voting"));
        (string, string, JsonArray, string)[] whileVoting =
        [
            ("cho", "nominate", Sub("film", ("title", "Ran")), "Nominations for Film Night are closed: voting is open"),
            ("ana", "withdraw", Plain(("nomination", alien)), "Nominations for Film Night are closed"),
            ("ana", "rate", Plain(("score", 8)), "Voting for Film Night is still open"),
        ];
        await AssertRefusedAsync(bot, whileVoting);

        // An empty ballot, and a ballot button from a message that names no real track, are refused the same way.
        var before = await StoreState.OfAsync(bot);
        var form = await bot.CommandAsync("cho", "vote");
        var empty = await bot.ComponentAsync("cho", $"ballot:submit:{track.Id}", form.Original!["id"]!.GetValue<string>());
        Assert.Contains("Your ballot is empty", Content(empty), StringComparison.Ordinal);
        var stale = await bot.ComponentAsync("cho", $"ballot:submit:{Guid.NewGuid():N}", form.Original!["id"]!.GetValue<string>());
        Assert.Contains("That track no longer exists", Content(stale), StringComparison.Ordinal);
        Assert.Equal(before, await StoreState.OfAsync(bot));
        Assert.All(await bot.Control.MessagesAsync(), m => Assert.False(m.Notifications.NotifiesAnyone, m.Content));
    }

    [Fact]
    public async Task AMemberWhoIsNotAManager_IsRefusedEveryManagerCommand_AndNothingChanges()
    {
        await using var bot = await RunningBot.StartAsync();
        await bot.CommandAsync("boss", "club", Sub("setup", ("name", "Film Night"), ("kind", "film"), ("channel", bot.Guild.Channels["film-night"]), ("timezone", "Europe/Berlin")));
        await bot.StepDoneInEveryTrackAsync(StepPlanner.NominationsKey);
        await bot.CommandAsync("ana", "nominate", Sub("film", ("title", "Alien")));
        var before = await StoreState.OfAsync(bot);

        // Every /club subcommand the bot registers, so a new one is covered the day it is added.
        var calls = BotRegistrations.ManagerCommand.Options!.SelectMany(option => option.Type == ApplicationCommandOptionType.SubCommandGroup
            ? option.Options!.Select(sub => (Path: $"{option.Name} {sub.Name}", Options: Group(option.Name, sub.Name, Fill(bot, sub))))
            : [(Path: option.Name, Options: Sub(option.Name, Fill(bot, option)))]).ToList();
        Assert.True(calls.Count >= 8, "the /club subcommands were found");
        foreach (var (path, options) in calls)
        {
            var answer = await bot.CommandAsync("ana", "club", options);
            Assert.True(IsPrivate(answer), path);
            Assert.Contains("Only club managers", Content(answer), StringComparison.Ordinal);
        }

        Assert.Equal(before, await StoreState.OfAsync(bot));
    }

    private static async Task AssertRefusedAsync(RunningBot bot, IEnumerable<(string Member, string Command, JsonArray Options, string Says)> cases)
    {
        foreach (var (member, command, options, says) in cases)
        {
            var before = await StoreState.OfAsync(bot);
            var answer = await bot.CommandAsync(member, command, options);
            var text = Content(answer);
            Assert.True(IsPrivate(answer), $"/{command} {options.ToJsonString()} was answered publicly: {text}");
            Assert.StartsWith("⚠️", text, StringComparison.Ordinal);
            Assert.Contains(says, text, StringComparison.Ordinal);
            Assert.Equal(before, await StoreState.OfAsync(bot));
        }
    }

    /// <summary>Plausible values for a subcommand's required options, so only the manager check can refuse it.</summary>
    private static (string Name, object Value)[] Fill(RunningBot bot, ApplicationCommandOption subcommand) =>
        (subcommand.Options ?? []).Where(o => o.Required == true).Select(o => (o.Name, o.Type switch
        {
            ApplicationCommandOptionType.Integer => (object)1,
            ApplicationCommandOptionType.Boolean => true,
            ApplicationCommandOptionType.Channel => bot.Guild.Channels["album-club"],
            ApplicationCommandOptionType.Role => bot.Guild.Roles["Club Manager"],
            _ when o.Choices is [var first, ..] => first.Value.ToString()!,
            _ when o.Name == "timezone" => "Europe/Berlin",
            _ => "Album Club",
        })).ToArray();
}
