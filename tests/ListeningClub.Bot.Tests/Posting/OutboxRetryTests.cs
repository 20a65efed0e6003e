using System.Globalization;
using ListeningClub.Bot.Posting;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Outbox;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Bot.Tests.Posting;

/// <summary>
/// Posts Discord does not accept at first are retried by the outbox dispatcher, with growing waits, until they go out,
/// once, without a restart. The dispatcher runs on the harness's fake clock: each test moves the clock to the next
/// attempt and waits until that attempt is recorded.
/// </summary>
public sealed class OutboxRetryTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    // Monday 2 November 2026, 09:00 in Berlin.
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    /// <summary>One REST request per call: each failed request is one failed attempt, and the clock decides every wait.</summary>
    private static readonly Dictionary<string, string?> OneRequestPerCall = new() { ["Discord:RestMaxRetries"] = "0" };

    [Fact]
    public async Task PickAnnouncement_Answered503SixTimes_IsPostedOnceByTheDispatcher_WithItsThread_WithoutARestart()
    {
        await using var bot = await BotHarness.StartAsync(Start, OneRequestPerCall);
        var track = await VoteOpenAsync(bot, "film-night");
        await bot.StartOutboxDispatcherAsync();
        await bot.Control.RestFaultAsync(new RestFaultSpec($"/channels/{track.ChannelId}/messages", 503, Count: 6));

        var closed = await bot.Steps().CloseVotingNowAsync(track, None);

        Assert.True(closed.IsSuccess, closed.Problem?.Message);
        var outbox = bot.Get<IOutboxRepository>();
        var queued = (await outbox.FindAsync(PostKinds.PickAnnounced, closed.Value.Cycle.Id.ToString(), None))!;
        Assert.True(queued.IsPending);
        Assert.Equal(1, queued.Attempts);
        Assert.InRange(queued.NextAttemptAt!.Value - Start, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(2));
        Assert.Empty(await AnnouncementsAsync(bot, "film-night", queued));

        var sent = await RetryUntilSentAsync(bot, queued.Id);

        Assert.True(sent.IsSent);
        Assert.Equal(7, sent.Attempts); // the first attempt, five retries that met a 503, and the one that went out
        Assert.Single(await AnnouncementsAsync(bot, "film-night", sent));
        // The waits after six failures, at their longest (jitter only shortens them): 2 + 4 + … + 64 s.
        var longest = Enumerable.Range(1, 6).Aggregate(TimeSpan.Zero, (total, failed) => total + OutboxMessage.RetryDelay(failed, jitter: 0));
        Assert.Equal(TimeSpan.FromSeconds(126), longest);
        Assert.InRange(bot.Time.GetUtcNow() - Start, longest * 0.75, longest);

        // The discussion opens from the announcement once it is out (just after the post is recorded), as when it goes out at once.
        var picks = bot.Get<IPickRepository>();
        await RunningBot.WaitUntilAsync(async () => (await picks.GetByCycleAsync(closed.Value.Cycle.Id, None))!.ThreadId is not null, "the discussion thread");
        Assert.Equal(sent.MessageId, (await picks.GetByCycleAsync(closed.Value.Cycle.Id, None))!.ThreadId);
        Assert.Contains(await bot.Control.RequestsAsync(), r => r.Method == "POST" && r.Path.EndsWith($"/messages/{sent.MessageId}/threads", StringComparison.Ordinal) && r.Status == 201);
        Assert.Empty(await outbox.ListPendingAsync(None));
    }

    [Fact]
    public async Task PickAnnouncement_MetACloudflareStyle429_IsPostedOnce_WhenDiscordTakesRequestsAgain()
    {
        await using var bot = await BotHarness.StartAsync(Start, OneRequestPerCall);
        var track = await VoteOpenAsync(bot, "film-night");
        await bot.StartOutboxDispatcherAsync();
        await bot.Control.RestFaultAsync(new RestFaultSpec($"/channels/{track.ChannelId}/messages", 429, Count: 1, Cloudflare: true));

        var closed = await bot.Steps().CloseVotingNowAsync(track, None);

        var outbox = bot.Get<IOutboxRepository>();
        var queued = (await outbox.FindAsync(PostKinds.PickAnnounced, closed.Value.Cycle.Id.ToString(), None))!;
        Assert.True(queued.IsPending);

        // The REST client refuses everything for a while after such a 429; the dispatcher keeps trying, with growing waits.
        var sent = await RetryUntilSentAsync(bot, queued.Id);

        Assert.Single(await AnnouncementsAsync(bot, "film-night", sent));
        Assert.Single(await bot.Control.RequestsAsync(), r => r.Status == 429);
    }

    /// <summary>
    /// Forum posts carry no nonce, so only the outbox keeps them single: the first attempt, the dispatcher and two
    /// catch-up flushes all reach for the same intents at the same moment, and each is posted once.
    /// </summary>
    [Fact]
    public async Task ForumPosts_TriedByEveryPathAtOnce_AreEachPostedOnce()
    {
        await using var bot = await BotHarness.StartAsync(Start);
        var track = await bot.SetupTrackAsync("Film Night", MediaKind.Film, "film-forum");
        var outbox = bot.Get<IOutboxRepository>();
        var sender = bot.Get<OutboxSender>();
        var dispatcher = bot.Get<OutboxDispatcher>();
        var intents = new List<OutboxMessage>();
        for (var i = 0; i < 20; i++)
        {
            var id = Guid.NewGuid();
            intents.Add(await outbox.AddOrGetAsync(new OutboxMessage
            {
                Id = id,
                Nonce = OutboxMessage.NonceFor(id),
                GuildId = bot.GuildId,
                TrackId = track.Id,
                ChannelId = track.ChannelId,
                Kind = "test",
                IntentKey = i.ToString(CultureInfo.InvariantCulture),
                Payload = $$$"""{"content":"post {{{i}}}","allowed_mentions":{"parse":[]}}""",
                ForumPostName = $"Post {i}",
                CreatedAt = Start,
            }, None));
        }

        await bot.StartOutboxDispatcherAsync();
        await Task.WhenAll(
            [
                dispatcher.FlushAsync(None),
                dispatcher.FlushAsync(None),
                .. intents.Select(intent => Task.Run(() => sender.SendAsync(intent.Id, whenDue: true, None))),
            ]);

        var created = (await bot.Control.RequestsAsync()).Where(r => r.Method == "POST" && r.Path.EndsWith($"/channels/{track.ChannelId}/threads", StringComparison.Ordinal) && r.Status == 201).ToList();
        Assert.Equal(20, created.Count);
        Assert.Empty(await outbox.ListPendingAsync(None));
    }

    private static async Task<Track> VoteOpenAsync(BotHarness bot, string channel)
    {
        var track = await bot.SetupTrackAsync("Film Night", MediaKind.Film, channel, rules: new TrackRules { VotingMethod = VotingMethod.Plurality });
        await bot.NominateAsync(track, "ana", MediaFactory.Film("Alien", 1979, null, null).Value);
        await bot.NominateAsync(track, "ben", MediaFactory.Film("Heat", 1995, null, null).Value);
        Assert.True((await bot.Steps().OpenVotingNowAsync(track, None)).IsSuccess);
        return track;
    }

    /// <summary>Moves the clock to each next attempt and waits until the dispatcher has made it, until the post is out.</summary>
    private static async Task<OutboxMessage> RetryUntilSentAsync(BotHarness bot, Guid id)
    {
        var outbox = bot.Get<IOutboxRepository>();
        for (var round = 0; round < 30; round++)
        {
            var before = (await outbox.GetAsync(id, None))!;
            if (!before.IsPending)
            {
                return before;
            }

            if (before.NextAttemptAt is { } next && next > bot.Time.GetUtcNow())
            {
                bot.Time.SetUtcNow(next);
            }

            await RunningBot.WaitUntilAsync(async () => (await outbox.GetAsync(id, None))!.Attempts > before.Attempts, $"attempt {before.Attempts + 1}");
        }

        throw new InvalidOperationException("Still not sent after 30 attempts.");
    }

    private static async Task<List<MessageEntry>> AnnouncementsAsync(BotHarness bot, string channel, OutboxMessage post) =>
        (await bot.MessagesAsync(channel)).Where(m => m.Message["nonce"]?.GetValue<string>() == post.Nonce).ToList();
}
