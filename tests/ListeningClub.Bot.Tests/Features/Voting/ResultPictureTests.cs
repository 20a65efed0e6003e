using ListeningClub.Application.Nominations;
using ListeningClub.Application.Voting;
using ListeningClub.Bot.Posting;
using ListeningClub.Bot.Rendering.Charts;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Outbox;
using ListeningClub.Domain.Voting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SkiaSharp;

namespace ListeningClub.Bot.Tests.Features.Voting;

/// <summary>The pick announcement's result picture, through the emulator: attached, shown in the embed, described; and never in the way of the announcement.</summary>
public sealed class ResultPictureTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("film-night")]
    [InlineData("film-forum")]
    public async Task Close_TheAnnouncement_CarriesTheCountsPicture_ShownInItsEmbed_AndDescribedForScreenReaders(string channel)
    {
        await using var bot = await BotHarness.StartAsync(Start);
        var track = await bot.SetupTrackAsync("Film Night", MediaKind.Film, channel, rules: new TrackRules { VotingMethod = VotingMethod.InstantRunoff, NominationCapPerMember = 5 });

        var outcome = await CloseAsync(bot, track);

        var announcement = await AnnouncementAsync(bot, channel);
        var attachment = Assert.Single(announcement.Message["attachments"]!.AsArray())!;
        Assert.Equal(ResultChart.FileName, attachment["filename"]!.GetValue<string>());
        Assert.Equal("image/png", attachment["content_type"]!.GetValue<string>());
        var description = attachment["description"]!.GetValue<string>();
        Assert.Contains($"{outcome.Pick.Media.DisplayName} wins in round", description, StringComparison.Ordinal);
        Assert.Equal($"attachment://{ResultChart.FileName}", announcement.Message["embeds"]![0]!["image"]!["url"]!.GetValue<string>());

        using var picture = SKBitmap.Decode(await bot.Control.AttachmentAsync(attachment["url"]!.GetValue<string>()));
        Assert.Equal((ResultChart.Width, ResultChart.Height), (picture.Width, picture.Height));

        // The text still says everything: the result and the count are in the embed as before.
        Assert.Contains("wins** with", Field(announcement, "Result"), StringComparison.Ordinal);
        Assert.Empty((await bot.Control.RequestsAsync()).Where(r => r.Status >= 400).Select(r => $"{r.Method} {r.Path} → {r.Status}: {r.Body}"));

        // Stored as intent only: the outbox keeps the file's name and description, never the picture's bytes.
        var stored = await bot.Get<IOutboxRepository>().FindAsync(PostKinds.PickAnnounced, outcome.Cycle.Id.ToString(), None);
        Assert.InRange(stored!.Payload.Length, 1, 6_000 * 2);
    }

    [Fact]
    public async Task Close_WhenDrawingThePictureFails_TheAnnouncementIsPostedWithoutIt_AndOneLineIsLogged()
    {
        var logs = new CapturedLogs();
        await using var bot = await BotHarness.StartAsync(Start, replace: services =>
        {
            services.AddSingleton<IPostAttachments, BrokenPictures>();
            services.AddSingleton<ILoggerProvider>(logs);
        });
        var track = await bot.SetupTrackAsync("Film Night", MediaKind.Film, "film-night", rules: new TrackRules { VotingMethod = VotingMethod.Schulze, NominationCapPerMember = 5 });

        var outcome = await CloseAsync(bot, track);

        var announcement = await AnnouncementAsync(bot, "film-night");
        Assert.Empty(announcement.Message["attachments"]?.AsArray() ?? []);
        Assert.Null(announcement.Message["embeds"]![0]!["image"]);
        Assert.Contains(outcome.Pick.Media.DisplayName, announcement.Content, StringComparison.Ordinal);
        Assert.Contains("head to head", Field(announcement, "Result"), StringComparison.Ordinal);
        var line = Assert.Single(logs.Entries, e => e.Text.Contains("without its picture", StringComparison.Ordinal));
        Assert.Contains("the renderer broke", line.Text, StringComparison.Ordinal);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.True((await bot.Get<IOutboxRepository>().FindAsync(PostKinds.PickAnnounced, outcome.Cycle.Id.ToString(), None))!.SentAt is not null);
    }

    private static async Task<ElectionOutcome> CloseAsync(BotHarness bot, Track track)
    {
        foreach (var (title, member) in new[] { ("Alien", "ana"), ("Heat", "ben"), ("Ran", "cho"), ("Stalker", "ana") })
        {
            await bot.NominateAsync(track, member, MediaFactory.Film(title, 1979, null, null).Value);
        }

        var steps = bot.Steps();
        Assert.True((await steps.OpenVotingNowAsync(track, None)).IsSuccess);
        var listed = (await bot.Get<NominationService>().ListCurrentAsync(track, None)).Nominations;
        int[][] ballots = [[0, 1, 2], [0, 2], [1, 0], [1, 2, 0], [2, 1], [3, 1], [0, 3], [1, 0, 3]];
        var voter = 10_000UL;
        foreach (var ballot in ballots)
        {
            Assert.True((await bot.Get<VotingService>().CastAsync(track, voter++, [.. ballot.Select(i => listed[i].Id)], None)).IsSuccess);
        }

        var closed = await steps.CloseVotingNowAsync(track, None);
        Assert.True(closed.IsSuccess, closed.Problem?.Message);
        return closed.Value;
    }

    private static async Task<MessageEntry> AnnouncementAsync(BotHarness bot, string channel)
    {
        if (channel == "film-forum")
        {
            var all = await bot.Control.MessagesAsync();
            return all.Single(m => m.Content.StartsWith("The votes are in!", StringComparison.Ordinal));
        }

        return (await bot.MessagesAsync(channel)).Single(m => m.Content.StartsWith("The votes are in!", StringComparison.Ordinal));
    }

    private static string Field(MessageEntry message, string name) =>
        message.Message["embeds"]![0]!["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == name)!["value"]!.GetValue<string>();

    /// <summary>A renderer that fails, as a broken native library or a bug would.</summary>
    private sealed class BrokenPictures : IPostAttachments
    {
        public string Kind => PostKinds.PickAnnounced;

        public Task<IReadOnlyList<FileUpload>> RenderAsync(OutboxMessage post, IReadOnlyList<AttachmentReference> wanted, CancellationToken ct) =>
            throw new InvalidOperationException("the renderer broke");
    }
}
