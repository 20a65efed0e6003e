using ListeningClub.Application.Nominations;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Picks;
using static ListeningClub.Discord.Emulator.Control.Slash;

namespace ListeningClub.Bot.Tests.EndToEnd;

/// <summary>Members and managers using the bot through the emulator's gateway, with the real store behind it.</summary>
public sealed class ClubCommandsTests
{
    [Fact]
    public async Task WholeCycle_SetupNominateVoteCloseAnnounce_ThroughTheGateway()
    {
        await using var bot = await RunningBot.StartAsync();
        var channel = bot.Guild.Channels["film-night"];

        // A non-manager can't set the club up, and nothing is stored.
        var refused = await bot.CommandAsync("ana", "club", Sub("setup", ("name", "Film Night"), ("kind", "film"), ("channel", channel), ("timezone", "Europe/Berlin")));
        Assert.Contains("Only club managers", Content(refused), StringComparison.Ordinal);
        Assert.Null(await bot.Get<IClubRepository>().GetAsync(ulong.Parse(bot.Guild.GuildId, System.Globalization.CultureInfo.InvariantCulture), default));

        var setup = await bot.CommandAsync("boss", "club", Sub("setup", ("name", "Film Night"), ("kind", "film"), ("channel", channel), ("timezone", "Europe/Berlin"), ("method", "plurality")));
        Assert.Contains("Created **Film Night**", Content(setup), StringComparison.Ordinal);

        // Three members nominate; a duplicate and a bad link are refused privately.
        foreach (var (member, title) in new[] { ("ana", "Alien"), ("ben", "Heat"), ("cho", "Ran") })
        {
            var nominated = await bot.CommandAsync(member, "nominate", Sub("film", ("title", title), ("pitch", "@everyone must see this")));
            Assert.StartsWith("New nomination!", Content(nominated), StringComparison.Ordinal);
        }

        var duplicate = await bot.CommandAsync("boss", "nominate", Sub("film", ("title", "alien")));
        Assert.Contains("already nominated", Content(duplicate), StringComparison.Ordinal);
        Assert.Equal(64, duplicate.Callbacks[^1]["data"]?["flags"]?.GetValue<int>());
        var badLink = await bot.CommandAsync("boss", "nominate", Sub("film", ("title", "Brazil"), ("link", "javascript:alert(1)")));
        Assert.Contains("link must be a web address", Content(badLink), StringComparison.Ordinal);

        // The helper has the manager role only after it is set; then it can open voting.
        Assert.Contains("Only club managers", Content(await bot.CommandAsync("helper", "club", Sub("open-voting"))), StringComparison.Ordinal);
        await bot.CommandAsync("boss", "club", Sub("manager-role", ("role", bot.Guild.Roles["Club Manager"])));
        Assert.Contains("Voting is open", Content(await bot.CommandAsync("helper", "club", Sub("open-voting"))), StringComparison.Ordinal);

        // Members vote through the ballot form: choose, then submit. Ben votes twice; his second ballot replaces the first.
        var track = (await bot.Get<IClubRepository>().GetAsync(ulong.Parse(bot.Guild.GuildId, System.Globalization.CultureInfo.InvariantCulture), default))!.Tracks[0];
        var (_, candidates) = await bot.Get<NominationService>().ListCurrentAsync(track, default);
        var heat = candidates.Single(n => n.Media.Title == "Heat").Id.ToString();
        var ran = candidates.Single(n => n.Media.Title == "Ran").Id.ToString();
        foreach (var (member, choice) in new[] { ("ana", heat), ("ben", ran), ("cho", heat), ("ben", heat) })
        {
            var form = await bot.CommandAsync(member, "vote");
            var formMessage = form.Original!["id"]!.GetValue<string>();
            var chosen = await bot.ComponentAsync(member, $"ballot:choice:{track.Id}:0", formMessage, [choice]);
            var submitted = await bot.ComponentAsync(member, $"ballot:submit:{track.Id}", formMessage);
            Assert.Contains("Your ballot", Content(submitted), StringComparison.Ordinal);
            Assert.False(chosen.DeadlineMissed);
        }

        var cycle = (await bot.Get<Domain.Cycles.ICycleRepository>().GetCurrentAsync(track.Id, default))!;
        Assert.Equal(3, await bot.Get<IBallotRepository>().CountByCycleAsync(cycle.Id, default));

        var closed = await bot.CommandAsync("boss", "club", Sub("close-voting"));
        Assert.Contains("Announced: **Heat**", Content(closed), StringComparison.Ordinal);
        var pick = Assert.Single(await bot.Get<IPickRepository>().ListByTrackAsync(track.Id, default));
        Assert.Equal("Heat", pick.Media.Title);

        var posted = await bot.Control.MessagesAsync(channel);
        var announcement = Assert.Single(posted, m => m.Content.StartsWith("The votes are in!", StringComparison.Ordinal));
        Assert.Contains("Heat: **3 votes**", announcement.Message.ToJsonString().Replace("\\u002A", "*", StringComparison.Ordinal), StringComparison.Ordinal);

        // Nothing anybody saw pinged anyone, even the pitches written with @everyone.
        Assert.All(await bot.Control.MessagesAsync(), m => Assert.False(m.Notifications.NotifiesAnyone, m.Content));
        var stats = await bot.Control.StatsAsync();
        Assert.Equal(0, stats.DeadlineMisses);
    }

    [Fact]
    public async Task Help_ListsMemberAndManagerCommands_AndCommandsAreRegisteredOnce()
    {
        await using var bot = await RunningBot.StartAsync();
        var help = await bot.CommandAsync("ana", "help");
        Assert.Contains("/nominate film", Content(help), StringComparison.Ordinal);
        Assert.Contains("/club setup", Content(help), StringComparison.Ordinal);
        Assert.Single(await bot.Control.RequestsAsync(), r => r.Method == "PUT" && r.Path.Contains("/commands", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Restart_WithUnchangedCommands_DoesNotRegisterThemAgain_AndTheClubIsStillThere()
    {
        await using var bot = await RunningBot.StartAsync();
        await bot.CommandAsync("boss", "club", Sub("setup", ("name", "Film Night"), ("kind", "film"), ("channel", bot.Guild.Channels["film-night"]), ("timezone", "Europe/Berlin")));

        await bot.RestartAsync();

        Assert.Single(await bot.Control.RequestsAsync(), r => r.Method == "PUT" && r.Path.Contains("/commands", StringComparison.Ordinal));
        var shown = await bot.CommandAsync("boss", "club", Sub("show"));
        Assert.Contains("**Film Night** (films)", Content(shown), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LongLists_ArePaged_AndTheButtonsTurnThePages()
    {
        await using var bot = await RunningBot.StartAsync();
        await bot.CommandAsync("boss", "club", Sub("setup", ("name", "Film Night"), ("kind", "film"), ("channel", bot.Guild.Channels["film-night"]), ("timezone", "Europe/Berlin"), ("cap", 3)));
        var members = new[] { "ana", "ben", "cho", "boss" };
        for (var i = 1; i <= 12; i++)
        {
            await bot.CommandAsync(members[(i - 1) % 4], "nominate", Sub("film", ("title", $"Film number {i}")));
        }

        var first = await bot.CommandAsync("ana", "nominations");
        Assert.Contains("10. Film number 10", Content(first), StringComparison.Ordinal);
        Assert.DoesNotContain("Film number 11", Content(first), StringComparison.Ordinal);
        Assert.Contains("12 nominations", Content(first), StringComparison.Ordinal);
        Assert.Contains("page 1 of 2", Content(first), StringComparison.Ordinal);

        var message = first.Original!["id"]!.GetValue<string>();
        var next = first.Original!["components"]![0]!["components"]![1]!["custom_id"]!.GetValue<string>();
        await bot.ComponentAsync("ben", next, message);
        var turned = (await bot.Control.MessagesAsync(bot.Guild.Channels["film-night"])).Single(m => m.Id == message);
        Assert.Contains("11. Film number 11", Text(turned.Message), StringComparison.Ordinal);
        Assert.Contains("page 2 of 2", Text(turned.Message), StringComparison.Ordinal);
        Assert.DoesNotContain("Film number 10", Text(turned.Message), StringComparison.Ordinal);

        var history = await bot.CommandAsync("ana", "history");
        Assert.Contains("No picks yet", Content(history), StringComparison.Ordinal);
        Assert.Null(history.Original?["components"]?.AsArray().FirstOrDefault());
    }
}
