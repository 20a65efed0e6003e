using ListeningClub.Application.Nominations;
using ListeningClub.Application.Voting;
using ListeningClub.Bot.Rendering.Charts;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Domain.Clubs;
using SkiaSharp;
using static ListeningClub.Discord.Emulator.Control.Slash;

namespace ListeningClub.Bot.Tests.Features.Picks;

/// <summary>/history cycle:N through the emulator's gateway: one pick in detail, with the picture of its count.</summary>
public sealed class HistoryDetailsTests
{
    [Fact]
    public async Task History_WithACycle_ShowsThatPick_WithThePictureOfItsCountAttached_AndDescribed()
    {
        await using var bot = await RunningBot.StartAsync();
        var channel = bot.Guild.Channels["film-night"];
        await bot.CommandAsync("boss", "club", Sub("setup", ("name", "Film Night"), ("kind", "film"), ("channel", channel), ("timezone", "Europe/Berlin"), ("method", "instant-runoff")));
        foreach (var (member, title) in new[] { ("ana", "Alien"), ("ben", "Heat"), ("cho", "Ran") })
        {
            Assert.StartsWith("New nomination!", Content(await bot.CommandAsync(member, "nominate", Sub("film", ("title", title)))), StringComparison.Ordinal);
        }

        Assert.Contains("Voting is open", Content(await bot.CommandAsync("boss", "club", Sub("open-voting"))), StringComparison.Ordinal);
        var track = (await bot.Get<IClubRepository>().GetAsync(bot.GuildId, default))!.Tracks[0];
        var (_, listed) = await bot.Get<NominationService>().ListCurrentAsync(track, default);
        var byTitle = listed.ToDictionary(n => n.Media.Title, n => n.Id);
        string[][] ballots = [["Heat", "Ran"], ["Heat"], ["Ran", "Heat"], ["Alien", "Ran"], ["Ran", "Alien"]];
        var voter = 50_000UL;
        foreach (var ballot in ballots)
        {
            Assert.True((await bot.Get<VotingService>().CastAsync(track, voter++, [.. ballot.Select(t => byTitle[t])], default)).IsSuccess);
        }

        Assert.Contains("Announced: **Ran**", Content(await bot.CommandAsync("boss", "club", Sub("close-voting"))), StringComparison.Ordinal);

        var details = await bot.CommandAsync("ana", "history", Plain(("cycle", 1)));

        var message = details.Original!;
        var embed = message["embeds"]![0]!;
        Assert.Contains("cycle 1: Ran", embed["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal($"attachment://{ResultChart.FileName}", embed["image"]!["url"]!.GetValue<string>());
        var attachment = Assert.Single(message["attachments"]!.AsArray())!;
        Assert.Equal(ResultChart.FileName, attachment["filename"]!.GetValue<string>());
        Assert.Contains("Ran wins in round", attachment["description"]!.GetValue<string>(), StringComparison.Ordinal);
        using var picture = SKBitmap.Decode(await bot.Control.AttachmentAsync(attachment["url"]!.GetValue<string>()));
        Assert.Equal((ResultChart.Width, ResultChart.Height), (picture.Width, picture.Height));
        Assert.Contains("5 ballots for 3 nominations", Text(message), StringComparison.Ordinal);
        var result = embed["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "Result")!["value"]!.GetValue<string>();
        Assert.Contains("Ran", result, StringComparison.Ordinal); // the count's summary names the nominations, never their ids
        Assert.DoesNotContain(byTitle["Ran"].ToString(), result, StringComparison.Ordinal);

        var missing = await bot.CommandAsync("ana", "history", Plain(("cycle", 7)));
        Assert.Contains("no pick for cycle 7", Content(missing), StringComparison.Ordinal);
    }
}
