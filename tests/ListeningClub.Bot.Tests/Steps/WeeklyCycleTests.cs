using ListeningClub.Application.History;
using ListeningClub.Application.Ratings;
using ListeningClub.Application.Voting;
using ListeningClub.Bot.Posting;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Outbox;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Ratings;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Bot.Tests.Steps;

public sealed class WeeklyCycleTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    // Monday 2 November 2026, 09:00 in Berlin.
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(MediaKind.Film, VotingMethod.InstantRunoff, "film-night")]
    [InlineData(MediaKind.Album, VotingMethod.Schulze, "album-club")]
    [InlineData(MediaKind.Film, VotingMethod.InstantRunoff, "film-night", TestClubStore.Postgres)]
    public async Task FourWeeks_OfATrack_RunByThemselves(MediaKind kind, VotingMethod method, string channelName, TestClubStore? store = null)
    {
        await using var bot = await BotHarness.StartAsync(Start, store: store);
        var track = await bot.SetupTrackAsync(kind == MediaKind.Film ? "Film Night" : "Album Club", kind, channelName, rules: new TrackRules { VotingMethod = method });

        await RunUntilAsync(bot, track, new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero), week => kind == MediaKind.Film
            ? MediaFactory.Film($"Week {week} film {{0}}", 1990 + week, null, null).Value
            : MediaFactory.Album($"Week {week} album {{0}}", "Various Artists", 1970 + week, null).Value);

        var channel = await bot.MessagesAsync(channelName);
        var picks = await bot.Get<IPickRepository>().ListByTrackAsync(track.Id, None);
        var cycles = await bot.Get<ICycleRepository>().ListByTrackAsync(track.Id, None);

        Assert.Equal(4, picks.Count);
        Assert.Equal(5, cycles.Count);
        Assert.Equal(4, channel.Count(m => m.Content.StartsWith("Voting is open", StringComparison.Ordinal)));
        Assert.Equal(4, channel.Count(m => m.Content.StartsWith("⏰ Voting for", StringComparison.Ordinal)));
        Assert.Equal(4, channel.Count(m => m.Content.StartsWith("The votes are in!", StringComparison.Ordinal)));
        Assert.Equal(5, channel.Count(m => m.Content.StartsWith("📝 Nominations are open", StringComparison.Ordinal))); // the track's first cycle too

        // Each voting post carries its cycle's commitment; each announcement reveals the matching seed.
        foreach (var cycle in cycles.Where(c => c.PickId is not null))
        {
            Assert.Contains(channel, m => m.Message.ToJsonString().Contains(cycle.TieBreakCommitment!, StringComparison.Ordinal) && m.Content.StartsWith("Voting is open", StringComparison.Ordinal));
            Assert.Contains(channel, m => m.Message.ToJsonString().Contains(cycle.TieBreakSeedHex!, StringComparison.Ordinal) && m.Content.StartsWith("The votes are in!", StringComparison.Ordinal));
        }

        // Every pick got a thread with three prompts; no prompt repeated across the month; ratings revealed weekly.
        var prompts = new List<string>();
        var reveals = 0;
        foreach (var pick in picks)
        {
            Assert.NotNull(pick.ThreadId);
            var thread = await bot.Control.MessagesAsync(pick.ThreadId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var threadPrompts = thread.Where(m => m.Content.StartsWith("💬", StringComparison.Ordinal)).Select(m => m.Content).ToList();
            Assert.Equal(3, threadPrompts.Count);
            prompts.AddRange(threadPrompts.Select(p => p[(p.IndexOf('>', StringComparison.Ordinal) + 1)..]));
            reveals += thread.Count(m => m.Content.StartsWith("⭐ Ratings for", StringComparison.Ordinal));
        }

        Assert.Equal(prompts.Count, prompts.Distinct().Count());
        Assert.Equal(3, reveals);

        // The history feeds /history and /stats: only revealed ratings count (weeks 1–3; week 4 is still sealed).
        var history = await bot.Get<ClubHistoryQuery>().TrackAsync(track, withBallots: false, None);
        var revealed = history.RevealedRatings;
        var stats = ClubStatistics.Club(history.Nominations, history.Picks, revealed);
        Assert.Equal((4, 15), (stats.Picks, stats.Nominations)); // five cycles of three nominations, the fifth still open
        Assert.Equal(9, revealed.Count);
        Assert.Equal(3, stats.TopPicks.Count);
        Assert.All(stats.TopPicks, p => Assert.Equal(6.0, p.Summary.Mean, 10));
        Assert.Equal(4, stats.TopNominators.Sum(m => m.Wins));

        // Nothing the bot posted pinged anyone, and nothing is left unsent.
        var everything = (await bot.Control.MessagesAsync()).Where(m => m.AuthorId == bot.Emulator.BotUserId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(everything);
        Assert.All(everything, m => Assert.False(m.Notifications.NotifiesAnyone, m.Content));
        Assert.Empty(await bot.Get<IOutboxRepository>().ListPendingAsync(None));
    }

    [Theory]
    [InlineData(TestClubStore.LiteDb)]
    [InlineData(TestClubStore.Postgres)]
    public async Task BotDownAcrossTheClose_AnnouncesOnceWhenItComesBack_WithNoStaleReminders(TestClubStore store)
    {
        await using var bot = await BotHarness.StartAsync(Start, store: store);
        var track = await bot.SetupTrackAsync("Film Night", MediaKind.Film, "film-night");
        await RunUntilAsync(bot, track, new DateTimeOffset(2026, 11, 5, 20, 0, 0, TimeSpan.Zero), _ => MediaFactory.Film("Film {0}", null, null, null).Value);
        Assert.Equal(CyclePhase.Voting, (await bot.Get<ICycleRepository>().GetCurrentAsync(track.Id, None))!.Phase);

        // Down from Thursday 21:00 (before the close on Friday 18:00 Berlin) until an hour after it.
        await bot.RestartAsync();
        bot.Time.SetUtcNow(new DateTimeOffset(2026, 11, 6, 18, 0, 0, TimeSpan.Zero));
        var steps = bot.Steps();
        await steps.AdvanceAsync(bot.GuildId, track.Id, None);
        await steps.AdvanceAsync(bot.GuildId, track.Id, None); // a second pass (the trigger firing again) changes nothing

        var channel = await bot.MessagesAsync("film-night");
        var announcement = Assert.Single(channel, m => m.Content.StartsWith("The votes are in!", StringComparison.Ordinal));
        Assert.Contains("offline", announcement.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(channel, m => m.Content.StartsWith('⏰'));
    }

    [Fact]
    public async Task CrashAfterSendingButBeforeMarkingSent_DoesNotPostTwice()
    {
        await using var bot = await BotHarness.StartAsync(Start);
        var track = await bot.SetupTrackAsync("Film Night", MediaKind.Film, "film-night");
        var sender = bot.Get<OutboxSender>();
        var posted = await sender.PostAsync(track.Id, bot.GuildId, track.ChannelId, "test", "once", new ListeningClub.Discord.Models.MessageCreateRequest { Content = "hello" }, None);

        // Simulate the crash: the message went out, but the store never heard back.
        var outbox = bot.Get<IOutboxRepository>();
        await outbox.UpdateAsync(posted with { SentAt = null, MessageId = null }, None);
        await bot.RestartAsync();
        await bot.Get<OutboxDispatcher>().FlushAsync(None);

        Assert.Single(await bot.MessagesAsync("film-night"), m => m.Content == "hello");
        Assert.Empty(await bot.Get<IOutboxRepository>().ListPendingAsync(None));
    }

    [Fact]
    public async Task CrashBeforeSending_PostsOnRestart()
    {
        await using var bot = await BotHarness.StartAsync(Start);
        var track = await bot.SetupTrackAsync("Film Night", MediaKind.Film, "film-night");
        var id = Guid.NewGuid();
        await bot.Get<IOutboxRepository>().AddOrGetAsync(new OutboxMessage
        {
            Id = id,
            Nonce = OutboxMessage.NonceFor(id),
            GuildId = bot.GuildId,
            ChannelId = track.ChannelId,
            Kind = "test",
            IntentKey = "decided",
            Payload = """{"content":"decided before the crash","allowed_mentions":{"parse":[]}}""",
            CreatedAt = Start,
        }, None);

        await bot.RestartAsync();
        await bot.Get<OutboxDispatcher>().FlushAsync(None);

        Assert.Single(await bot.MessagesAsync("film-night"), m => m.Content == "decided before the crash");
    }

    /// <summary>
    /// Plays the club: members nominate while nominations are open, vote while voting is open and rate each pick,
    /// and the clock jumps from one planned step to the next, the way the trigger would fire.
    /// </summary>
    private static async Task RunUntilAsync(BotHarness bot, Track track, DateTimeOffset end, Func<int, MediaItem> media)
    {
        var steps = bot.Steps();
        var cycles = bot.Get<ICycleRepository>();
        var members = new[] { "ana", "ben", "cho" };
        var next = await steps.AdvanceAsync(bot.GuildId, track.Id, None);
        while (next is not null && next.At <= end)
        {
            var cycle = (await cycles.GetCurrentAsync(track.Id, None))!;
            var (_, listed) = await bot.Get<ListeningClub.Application.Nominations.NominationService>().ListCurrentAsync(track, None);
            if (cycle.Phase == CyclePhase.Nominating && listed.Count == 0)
            {
                foreach (var (member, i) in members.Select((m, i) => (m, i)))
                {
                    var item = media(cycle.Number);
                    item = item with { Title = string.Format(System.Globalization.CultureInfo.InvariantCulture, item.Title, i) };
                    await bot.NominateAsync(track, member, item);
                }
            }

            if (cycle.Phase == CyclePhase.Voting && await bot.Get<IBallotRepository>().CountByCycleAsync(cycle.Id, None) == 0)
            {
                foreach (var (member, i) in members.Select((m, i) => (m, i)))
                {
                    var ranking = listed.Skip(i).Concat(listed.Take(i)).Select(n => n.Id).Take(track.Rules.BallotSize).ToList();
                    Assert.True((await bot.Get<VotingService>().CastAsync(track, bot.User(member), ranking, None)).IsSuccess);
                }
            }

            if (cycle.Phase == CyclePhase.Announced)
            {
                foreach (var (member, i) in members.Select((m, i) => (m, i)))
                {
                    await bot.Get<RatingService>().RateAsync(track, bot.User(member), 5 + i, null, None);
                }
            }

            bot.Time.SetUtcNow(next.At);
            next = await steps.AdvanceAsync(bot.GuildId, track.Id, None);
        }
    }
}
