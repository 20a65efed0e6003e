using System.Diagnostics;
using ListeningClub.Bot.Posting;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Domain.Outbox;
using static ListeningClub.Discord.Emulator.Control.Slash;

namespace ListeningClub.Bot.Tests.Posting;

/// <summary>
/// The whole bot, through the emulator, when Discord does not take the pick announcement: the manager is told it is
/// queued, /club show lists it, and it is posted once Discord takes it again, without a restart, or after a kill -9.
/// </summary>
public sealed class QueuedAnnouncementTests
{
    private const string Queued = "the pick announcement is queued and will be posted when Discord accepts it";

    [Fact]
    public async Task CloseVoting_WhileDiscordAnswers503_SaysQueued_ShowListsIt_AndItIsPostedOnceWhenDiscordRecovers()
    {
        // One request per REST call, so the dispatcher's retries come every few seconds on the real clock.
        await using var bot = await RunningBot.StartAsync(new RunningBotSettings { Args = ["--Discord:RestMaxRetries=0"] });
        var channel = bot.Guild.Channels["film-night"];
        await bot.Members.OpenFilmVoteAsync();
        await bot.Control.RestFaultAsync(new RestFaultSpec($"/channels/{channel}/messages", 503, Count: 100_000));

        var closed = Content(await bot.CommandAsync("boss", "club", Sub("close-voting")));

        Assert.Contains(Queued, closed, StringComparison.Ordinal);
        Assert.DoesNotContain("Announced", closed, StringComparison.Ordinal);
        var show = Content(await bot.CommandAsync("boss", "club", Sub("show")));
        Assert.Matches(@"⏳ pick announcement: \d+ failed attempts?, next attempt <t:\d+:R>", show);
        Assert.Empty(await AnnouncementsAsync(bot.Control, channel));

        await bot.Control.ClearRestFaultsAsync();

        await WaitForTheRetryAsync(bot, channel);
        Assert.Single(await AnnouncementsAsync(bot.Control, channel));
        await ShowListsNothingPendingAsync(bot.Members);
        Assert.Single(await AnnouncementsAsync(bot.Control, channel));
    }

    [Fact]
    public async Task KillDashNine_WhileTheAnnouncementIsQueued_PostsItOnceAfterTheRestart()
    {
        await using var bot = await ExecutableBot.StartAsync();
        var channel = bot.Guild.Channels["film-night"];
        await bot.Members.OpenFilmVoteAsync();
        await bot.Control.RestFaultAsync(new RestFaultSpec($"/channels/{channel}/messages", 503, Count: 100_000));
        var closed = Content(await bot.Members.CommandAsync("boss", "club", Sub("close-voting")));
        Assert.Contains(Queued, closed, StringComparison.Ordinal);

        bot.Process.Kill();
        await bot.Control.ClearRestFaultsAsync();
        await bot.RestartAsync();

        await RunningBot.WaitUntilAsync(async () => (await AnnouncementsAsync(bot.Control, channel)).Count > 0, "the announcement posted after the restart");
        await ShowListsNothingPendingAsync(bot.Members);
        Assert.Single(await AnnouncementsAsync(bot.Control, channel));
    }

    /// <summary>
    /// Waits until /club show lists no pending post. Discord shows the message before the bot has its answer and marks
    /// the post sent, so for a moment after it appears /club show may still, truthfully, list it.
    /// </summary>
    private static Task ShowListsNothingPendingAsync(ClubMembers members) =>
        RunningBot.WaitUntilAsync(async () => !Content(await members.CommandAsync("boss", "club", Sub("show"))).Contains('⏳', StringComparison.Ordinal), "/club show to list nothing pending");

    private static async Task<List<MessageEntry>> AnnouncementsAsync(EmulatorControl control, string channel) =>
        (await control.MessagesAsync(channel)).Where(m => m.Content.StartsWith("The votes are in!", StringComparison.Ordinal)).ToList();

    /// <summary>
    /// Waits for the retry that follows Discord's recovery, on the real clock: the waits between attempts grow, so the
    /// patience is the time to the post's next attempt, twice over (an attempt already under way when Discord recovered
    /// may still have failed), and the usual patience on top.
    /// </summary>
    private static async Task WaitForTheRetryAsync(RunningBot bot, string channel)
    {
        var pending = (await bot.Get<IOutboxRepository>().ListPendingAsync(CancellationToken.None)).Single(m => m.Kind == PostKinds.PickAnnounced);
        var now = bot.Get<TimeProvider>().GetUtcNow();
        var untilNext = (pending.NextAttemptAt ?? now) - now;
        var patience = RunningBot.Patience + (untilNext > TimeSpan.Zero ? untilNext * 2 : TimeSpan.Zero);
        var waited = Stopwatch.StartNew();
        while ((await AnnouncementsAsync(bot.Control, channel)).Count == 0)
        {
            if (waited.Elapsed > patience)
            {
                throw new TimeoutException($"Gave up waiting for the announcement after {patience.TotalSeconds:0} s.");
            }

            await Task.Delay(20);
        }
    }
}
