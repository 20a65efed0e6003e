using ListeningClub.Bot.Tests.Support;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;
using static ListeningClub.Discord.Emulator.Control.Slash;

namespace ListeningClub.Bot.Tests.EndToEnd;

/// <summary>A track that votes with a Discord poll: members vote in the poll, and the count is the poll's, even for votes cast while the bot was down.</summary>
public sealed class PollVotingTests
{
    [Fact]
    public async Task PollTrack_VotesInThePoll_AreCounted_IncludingThoseCastWhileTheBotWasOffline()
    {
        await using var bot = await RunningBot.StartAsync();
        var channel = bot.Guild.Channels["film-night"];
        var setup = await bot.CommandAsync("boss", "club", Sub("setup", ("name", "Film Night"), ("kind", "film"), ("channel", channel), ("timezone", "Europe/Berlin"), ("method", "plurality"), ("poll", true)));
        Assert.Contains("Created **Film Night**", Content(setup), StringComparison.Ordinal);
        foreach (var (member, title) in new[] { ("ana", "Alien"), ("ben", "Heat"), ("cho", "Ran") })
        {
            await bot.CommandAsync(member, "nominate", Sub("film", ("title", title)));
        }

        await bot.CommandAsync("boss", "club", Sub("open-voting"));
        var post = Assert.Single(await bot.Control.MessagesAsync(channel), m => m.Message["poll"] is not null);
        Assert.Equal(["Alien", "Heat", "Ran"], post.Message["poll"]!["answers"]!.AsArray().Select(a => a!["poll_media"]!["text"]!.GetValue<string>()));
        Assert.False(post.Message["poll"]!["allow_multiselect"]!.GetValue<bool>());
        Assert.Empty(post.Message["components"]?.AsArray() ?? []);
        Assert.Contains("votes with the poll", Content(await bot.CommandAsync("ana", "vote")), StringComparison.Ordinal);

        // Ana and Ben vote Heat while the bot is running: their ballots follow at once.
        var track = (await bot.Get<IClubRepository>().GetAsync(bot.GuildId, default))!.Tracks[0];
        var cycle = (await bot.Get<ICycleRepository>().GetCurrentAsync(track.Id, default))!;
        foreach (var member in new[] { "ana", "ben" })
        {
            await bot.Control.VoteAsync(new PollVote(channel, post.Id, bot.Guild.Users[member], [2]));
        }

        await RunningBot.WaitUntilAsync(async () => await bot.Get<IBallotRepository>().CountByCycleAsync(cycle.Id, default) == 2, "two ballots from the poll");

        // While the bot is down, Cho votes Ran and Ana changes her vote to Ran: no event reaches the bot.
        await bot.RestartAsync(async _ =>
        {
            await bot.Control.VoteAsync(new PollVote(channel, post.Id, bot.Guild.Users["cho"], [3]));
            await bot.Control.VoteAsync(new PollVote(channel, post.Id, bot.Guild.Users["ana"], [3]));
        });

        var closed = await bot.CommandAsync("boss", "club", Sub("close-voting"));

        Assert.Contains("Announced: **Ran**", Content(closed), StringComparison.Ordinal);
        var announcement = Text(Assert.Single(await bot.Control.MessagesAsync(channel), m => m.Content.StartsWith("The votes are in!", StringComparison.Ordinal)).Message);
        Assert.Contains("3 ballots", announcement, StringComparison.Ordinal);
        var ended = (await bot.Control.MessagesAsync(channel)).Single(m => m.Id == post.Id);
        Assert.True(ended.Message["poll"]!["results"]!["is_finalized"]!.GetValue<bool>());
        Assert.All(await bot.Control.MessagesAsync(), m => Assert.False(m.Notifications.NotifiesAnyone, m.Content));
    }
}
