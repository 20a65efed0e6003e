using ListeningClub.Application.Nominations;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Schedule;
using static ListeningClub.Discord.Emulator.Control.Slash;

namespace ListeningClub.Bot.Tests.EndToEnd;

/// <summary>A film typed without a year is the same film as that title with a year; two years of a title make the bot ask.</summary>
public sealed class NominationMatchingTests
{
    [Fact]
    public async Task Nominate_TitleWithoutAYear_IsTheNominatedFilmWithAYear_AndTwoYearsOfATitleAreAskedAbout()
    {
        await using var bot = await RunningBot.StartAsync(new RunningBotSettings { ExtraMembers = ["dev"] });
        await bot.CommandAsync("boss", "club", Sub("setup", ("name", "Film Night"), ("kind", "film"), ("channel", bot.Guild.Channels["film-night"]), ("timezone", "Europe/Berlin")));
        await bot.StepDoneInEveryTrackAsync(StepPlanner.NominationsKey); // the nominations-open step lands after the setup reply
        Assert.StartsWith("New nomination!", Content(await bot.CommandAsync("ana", "nominate", Sub("film", ("title", "Alien (1979)")))), StringComparison.Ordinal);
        Assert.StartsWith("New nomination!", Content(await bot.CommandAsync("ben", "nominate", Sub("film", ("title", "Dune"), ("year", 1984)))), StringComparison.Ordinal);
        Assert.StartsWith("New nomination!", Content(await bot.CommandAsync("cho", "nominate", Sub("film", ("title", "Dune [2021]")))), StringComparison.Ordinal);
        var before = await StoreState.OfAsync(bot);

        var alien = await bot.CommandAsync("dev", "nominate", Sub("film", ("title", "alien")));
        var dune = await bot.CommandAsync("dev", "nominate", Sub("film", ("title", "DUNE")));
        var twoYears = await bot.CommandAsync("dev", "nominate", Sub("film", ("title", "Alien (1979)"), ("year", 1986)));

        Assert.All([alien, dune, twoYears], answer => Assert.True(IsPrivate(answer), Content(answer)));
        Assert.Equal(
            $"⚠️ Alien (1979) is already nominated this cycle (by <@{bot.Guild.Users["ana"]}>). \"alien\" has no year, so it is taken to be that film; if you mean another one, nominate it again with its year.",
            Content(alien));
        Assert.Equal(
            $"⚠️ Which DUNE do you mean? Dune (1984) is already nominated this cycle (by <@{bot.Guild.Users["ben"]}>); Dune (2021) is already nominated this cycle (by <@{bot.Guild.Users["cho"]}>). To nominate another DUNE, nominate it again with its year.",
            Content(dune));
        Assert.Contains("The title ends in (1979) but the year is 1986. Which is it?", Content(twoYears), StringComparison.Ordinal);
        Assert.Equal(before, await StoreState.OfAsync(bot));

        var track = (await bot.Get<IClubRepository>().GetAsync(bot.GuildId, default))!.Tracks[0];
        var listed = (await bot.Get<NominationService>().ListCurrentAsync(track, default)).Nominations;
        Assert.Equal(["Alien (1979)", "Dune (1984)", "Dune (2021)"], listed.Select(n => n.Media.DisplayName));
        Assert.All(await bot.Control.MessagesAsync(), m => Assert.False(m.Notifications.NotifiesAnyone, m.Content));
    }
}
