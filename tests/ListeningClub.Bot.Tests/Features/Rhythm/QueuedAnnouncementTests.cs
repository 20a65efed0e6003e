using ListeningClub.Bot.Tests.Support;
using ListeningClub.Discord.Emulator.Control;
using static ListeningClub.Discord.Emulator.Control.Slash;

namespace ListeningClub.Bot.Tests.Features.Rhythm;

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

        await WaitUntilAsync(async () => (await AnnouncementsAsync(bot.Control, channel)).Count > 0, "the announcement posted by a retry");
        Assert.Single(await AnnouncementsAsync(bot.Control, channel));
        Assert.DoesNotContain("⏳", Content(await bot.CommandAsync("boss", "club", Sub("show"))), StringComparison.Ordinal);
        Assert.Single(await AnnouncementsAsync(bot.Control, channel));
    }

    [Fact]
    public async Task KillDashNine_WhileTheAnnouncementIsQueued_PostsItOnceAfterTheRestart()
    {
        await using var bot = await ExecutableBot.StartAsync();
        var channel = bot.Guild.Channels["film-night"];
        await bot.Members.OpenFilmVoteAsync();
        await bot.Control.RestFaultAsync(new RestFaultSpec($"/channels/{channel}/messages", 503, Count: 100_000));
        var closing = await bot.Members.CommandAsync("boss", "club", Sub("close-voting"));
        Assert.Contains(Queued, await ReplyTextAsync(bot.Control, closing.Id), StringComparison.Ordinal);

        bot.Process.Kill();
        await bot.Control.ClearRestFaultsAsync();
        await bot.RestartAsync();

        await WaitUntilAsync(async () => (await AnnouncementsAsync(bot.Control, channel)).Count > 0, "the announcement posted after the restart");
        Assert.DoesNotContain("⏳", Content(await bot.Members.CommandAsync("boss", "club", Sub("show"))), StringComparison.Ordinal);
        Assert.Single(await AnnouncementsAsync(bot.Control, channel));
    }

    private static async Task<List<MessageEntry>> AnnouncementsAsync(EmulatorControl control, string channel) =>
        (await control.MessagesAsync(channel)).Where(m => m.Content.StartsWith("The votes are in!", StringComparison.Ordinal)).ToList();

    /// <summary>
    /// The reply's text once it is there: the first send meets the 503s with the REST client's own retries, so the bot
    /// defers first and edits the reply in later.
    /// </summary>
    private static async Task<string> ReplyTextAsync(EmulatorControl control, string interactionId)
    {
        var text = "";
        await WaitUntilAsync(async () => (text = Content(await control.GetInteractionAsync(interactionId))).Length > 0, "the reply to /club close-voting");
        return text;
    }

    /// <summary>Waits for a retry on the real clock: the dispatcher's waits grow, so this allows a generous minute.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        for (var i = 0; i < 1200; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Gave up waiting for {what}.");
    }
}
