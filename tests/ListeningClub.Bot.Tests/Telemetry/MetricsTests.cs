using System.Diagnostics.Metrics;
using ListeningClub.Bot.Posting;
using ListeningClub.Bot.Telemetry;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Discord.Diagnostics;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Outbox;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using static ListeningClub.Discord.Emulator.Control.Slash;

namespace ListeningClub.Bot.Tests.Telemetry;

/// <summary>The counters an operator reads (README, "Metrics") move when the thing they count happens, with the documented tags.</summary>
public sealed class MetricsTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    // Monday 2 November 2026, 09:00 in Berlin.
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task StepsRunAndRefused_AndAPostThatFailsOnceThenGoesOut_AreCounted()
    {
        await using var bot = await BotHarness.StartAsync(Start, new Dictionary<string, string?> { ["Discord:RestMaxRetries"] = "0" });
        var meters = bot.Get<IMeterFactory>();
        using var steps = new MetricCollector<long>(meters, BotMeter.Name, "listeningclub.steps");
        using var posts = new MetricCollector<long>(meters, BotMeter.Name, "listeningclub.outbox.posts");
        using var pending = new MetricCollector<int>(meters, BotMeter.Name, "listeningclub.outbox.pending");
        var track = await bot.SetupTrackAsync("Film Night", MediaKind.Film, "film-night");
        await bot.Control.RestFaultAsync(new RestFaultSpec($"/channels/{track.ChannelId}/messages", 503, Count: 1));

        // The trigger runs the new track's first step; its post meets the 503 and stays in the outbox.
        await bot.Steps().AdvanceAsync(bot.GuildId, track.Id, None);

        var opened = Assert.Single(steps.GetMeasurementSnapshot());
        Assert.Equal(1, opened.Value);
        Assert.Equal(["open_nominations", "performed", "schedule"], [opened.Tags["step"], opened.Tags["outcome"], opened.Tags["trigger"]]);
        var failed = Assert.Single(posts.GetMeasurementSnapshot());
        Assert.Equal([PostKinds.NominationsOpen, "failed"], [failed.Tags["kind"], failed.Tags["outcome"]]);
        pending.RecordObservableInstruments();
        Assert.Equal(1, pending.LastMeasurement!.Value);

        // A manager's /club advance with nothing nominated: opening the vote is refused, and counted as such.
        Assert.False((await bot.Steps().RunNextStepNowAsync(track, None)).IsSuccess);
        var refused = steps.LastMeasurement!;
        Assert.Equal(["open_voting", "refused", "manager"], [refused.Tags["step"], refused.Tags["outcome"], refused.Tags["trigger"]]);

        // The dispatcher tries the post again when it is due: sent, and nothing is pending any more.
        await bot.StartOutboxDispatcherAsync();
        var queued = Assert.Single(await bot.Get<IOutboxRepository>().ListPendingAsync(None));
        bot.Time.SetUtcNow(queued.NextAttemptAt!.Value);
        await posts.WaitForMeasurementsAsync(2, RunningBot.Patience);

        var sent = posts.LastMeasurement!;
        Assert.Equal([PostKinds.NominationsOpen, "sent"], [sent.Tags["kind"], sent.Tags["outcome"]]);
        pending.RecordObservableInstruments();
        Assert.Equal(0, pending.LastMeasurement!.Value);
    }

    [Fact]
    public async Task AMemberVotingThroughTheForm_CountsTheBallot_TheInteractions_AndTheRestAttempts()
    {
        await using var bot = await RunningBot.StartAsync();
        var meters = bot.Get<IMeterFactory>();
        using var ballots = new MetricCollector<long>(meters, BotMeter.Name, "listeningclub.ballots.cast");
        using var interactions = new MetricCollector<long>(meters, DiscordMetrics.MeterName, "listeningclub.discord.interactions");
        using var durations = new MetricCollector<double>(meters, DiscordMetrics.MeterName, "listeningclub.discord.interaction.duration");
        using var rest = new MetricCollector<long>(meters, DiscordMetrics.MeterName, "listeningclub.discord.rest.attempts");

        await bot.CommandAsync("boss", "club", Sub("setup", ("name", "Film Night"), ("kind", "film"), ("channel", bot.Guild.Channels["film-night"]), ("timezone", "Europe/Berlin"), ("method", "plurality")));
        await bot.CommandAsync("ana", "nominate", Sub("film", ("title", "Alien")));
        await bot.CommandAsync("ben", "nominate", Sub("film", ("title", "Heat")));
        await bot.CommandAsync("boss", "club", Sub("open-voting"));
        var track = (await bot.Get<IClubRepository>().GetAsync(bot.GuildId, None))!.Tracks[0];
        var form = await bot.CommandAsync("ana", "vote");
        var formMessage = form.Original!["id"]!.GetValue<string>();
        var candidate = (await bot.Get<ListeningClub.Application.Nominations.NominationService>().ListCurrentAsync(track, None)).Nominations[0].Id.ToString();
        await bot.ComponentAsync("ana", $"ballot:choice:{track.Id}:0", formMessage, [candidate]);
        await bot.ComponentAsync("ana", $"ballot:submit:{track.Id}", formMessage);

        await ballots.WaitForMeasurementsAsync(1, RunningBot.Patience);
        var cast = Assert.Single(ballots.GetMeasurementSnapshot());
        Assert.Equal(1, cast.Value);
        Assert.Equal(["form", "plurality"], [cast.Tags["via"], cast.Tags["method"]]);

        // Five commands and two components, each counted once it is handled, with how long it took.
        await interactions.WaitForMeasurementsAsync(7, RunningBot.Patience);
        await durations.WaitForMeasurementsAsync(7, RunningBot.Patience);
        var handled = interactions.GetMeasurementSnapshot();
        Assert.Equal(5, handled.Count(m => m.ContainsTags(Tag("kind", "command"), Tag("outcome", "handled"))));
        Assert.Equal(2, handled.Count(m => m.ContainsTags(Tag("kind", "component"), Tag("outcome", "handled"))));
        Assert.All(durations.GetMeasurementSnapshot(), d => Assert.InRange(d.Value, 0, RunningBot.Patience.TotalSeconds));
        Assert.Contains(rest.GetMeasurementSnapshot(), m => m.ContainsTags(Tag("outcome", "success")));
    }

    private static KeyValuePair<string, object?> Tag(string key, object? value) => new(key, value);
}
