using ListeningClub.Application.Ratings;
using ListeningClub.Application.Voting;
using ListeningClub.Bot.Rendering.Charts;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Picks;
using SkiaSharp;

namespace ListeningClub.Bot.Tests.Features.Ratings;

/// <summary>The ratings reveal's picture, through the emulator: attached to the reveal in the pick's thread, shown in its embed, described.</summary>
public sealed class RatingsPictureTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Reveal_CarriesThePictureOfTheScores_ShownInItsEmbed_AndDescribedForScreenReaders()
    {
        await using var bot = await BotHarness.StartAsync(Start);
        var track = await bot.SetupTrackAsync("Film Night", MediaKind.Film, "film-night");
        var first = await PickAsync(bot, track, "Stalker");
        foreach (var (member, score) in new[] { (501UL, 10), (502UL, 3), (503UL, 8) })
        {
            Assert.True((await bot.Get<RatingService>().RateAsync(track, member, score, null, None)).IsSuccess);
        }

        await bot.Get<ListeningClub.Application.Cycles.CycleService>().StartNextAsync(track, None);
        await PickAsync(bot, track, "Heat"); // the next announcement reveals the first pick's ratings

        var thread = await bot.Control.MessagesAsync(first.ThreadId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var reveal = Assert.Single(thread, m => m.Content.StartsWith("⭐ Ratings for", StringComparison.Ordinal));
        var attachment = Assert.Single(reveal.Message["attachments"]!.AsArray())!;
        Assert.Equal(RatingsChart.FileName, attachment["filename"]!.GetValue<string>());
        Assert.Equal("image/png", attachment["content_type"]!.GetValue<string>());
        Assert.Equal(
            "Bar chart of 3 ratings by score: 10/10 × 1, 8/10 × 1, 3/10 × 1. Mean 7.0, median 8. Most divisive pick of 2026: Stalker (1979) (spread ±2.9).",
            attachment["description"]!.GetValue<string>());
        Assert.Equal($"attachment://{RatingsChart.FileName}", reveal.Message["embeds"]![0]!["image"]!["url"]!.GetValue<string>());
        using var picture = SKBitmap.Decode(await bot.Control.AttachmentAsync(attachment["url"]!.GetValue<string>()));
        Assert.Equal((RatingsChart.Width, RatingsChart.Height), (picture.Width, picture.Height));
        Assert.Empty((await bot.Control.RequestsAsync()).Where(r => r.Status >= 400).Select(r => $"{r.Method} {r.Path} → {r.Status}: {r.Body}"));
    }

    private static async Task<Pick> PickAsync(BotHarness bot, Track track, string title)
    {
        var nomination = await bot.NominateAsync(track, "ana", MediaFactory.Film(title, 1979, null, null).Value);
        var steps = bot.Steps();
        Assert.True((await steps.OpenVotingNowAsync(track, None)).IsSuccess);
        Assert.True((await bot.Get<VotingService>().CastAsync(track, 9_000, [nomination.Id], None)).IsSuccess);
        var closed = await steps.CloseVotingNowAsync(track, None);
        Assert.True(closed.IsSuccess, closed.Problem?.Message);
        return (await bot.Get<IPickRepository>().GetByCycleAsync(closed.Value.Cycle.Id, None))!;
    }
}
