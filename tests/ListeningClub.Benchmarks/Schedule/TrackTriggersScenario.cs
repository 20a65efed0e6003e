using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ListeningClub.Application.Clubs;
using ListeningClub.Application.Nominations;
using ListeningClub.Application.Tracks;
using ListeningClub.Application.Voting;
using ListeningClub.Bot.Features.Schedule;
using ListeningClub.Bot.Hosting;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Discord.Emulator.Hosting;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Outbox;
using ListeningClub.Domain.Schedule;
using ListeningClub.Domain.Voting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace ListeningClub.Benchmarks.Schedule;

/// <summary>
/// 1,000 clubs, one track each, on the real clock with the bot's real scheduler, store and REST client against the
/// emulator with Discord-like limits (50 requests/s globally, 5 messages per 5 s per channel). Each track's weekly
/// schedule has 10 steps (open, three reminders, close, five prompts); every vote closes in the same minute.
/// Measures: rebuilding every track's trigger at start (the catch-up pass included), how late each trigger fired
/// when the 1,000 closes came due together, how long the announcements then took to get through the rate limits,
/// and how many 429s the emulator sent.
/// Run: flock /work/bench.lock dotnet run -c Release --project tests/ListeningClub.Benchmarks -- --scenario track-triggers [clubs] [seconds-until-due]
/// </summary>
public static class TrackTriggersScenario
{
    public const string Name = "track-triggers";

    public static async Task RunAsync(string[] args)
    {
        var clubs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var lead = TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 90);
        var clock = TimeProvider.System;
        if (Environment.GetEnvironmentVariable("BENCH_MIN_THREADS") is { } minThreads)
        {
            ThreadPool.SetMinThreads(int.Parse(minThreads, CultureInfo.InvariantCulture), int.Parse(minThreads, CultureInfo.InvariantCulture));
        }
        var folder = Path.Combine(Path.GetTempPath(), "listeningclub-bench", "triggers-" + Guid.NewGuid().ToString("N"));

        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorSettings
        {
            GlobalPerSecond = 50,
            Buckets = new Dictionary<string, BucketLimit> { ["POST /channels/{channel_id}/messages"] = new(5, 5000) },
        });
        using var control = emulator.CreateControl();
        var channels = new List<ulong>();
        for (var g = 0; g < (clubs + 99) / 100; g++)
        {
            var guild = await control.CreateGuildAsync(new GuildSpec($"Bench {g}", Enumerable.Range(0, 100).Select(i => new ChannelSpec($"c{i}")).ToList()));
            channels.AddRange(guild.Channels.Values.Select(id => ulong.Parse(id, CultureInfo.InvariantCulture)));
        }

        var services = new ServiceCollection();
        services.AddLogging();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = emulator.BotToken,
            ["Discord:ApiBaseUrl"] = emulator.ApiBaseUrl.ToString(),
            ["Storage:DataFolder"] = folder,
        }).Build();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddListeningClub(configuration);
        await using var provider = services.BuildServiceProvider();

        // Every vote closes at the same minute, `lead` from now (UTC tracks: the weekly time is that minute).
        var due = clock.GetUtcNow() + lead;
        due = new DateTimeOffset(due.Year, due.Month, due.Day, due.Hour, due.Minute, 0, TimeSpan.Zero).AddMinutes(1);
        var closes = new WeeklyTime(due.DayOfWeek, TimeOnly.FromDateTime(due.UtcDateTime));
        var schedule = TrackSchedule.Weekly with
        {
            NominationsOpen = new WeeklyTime(due.AddHours(2).DayOfWeek, TimeOnly.FromDateTime(due.AddHours(2).UtcDateTime)),
            VotingOpens = new WeeklyTime(due.AddDays(-1).DayOfWeek, closes.Time),
            VotingCloses = closes,
            VotingReminders = [TimeSpan.FromHours(48), TimeSpan.FromHours(24), TimeSpan.FromHours(1)],
            PromptDays = [1, 2, 3, 4, 5],
        };

        var setup = Stopwatch.StartNew();
        var tracks = new Track[clubs];
        await Parallel.ForEachAsync(Enumerable.Range(0, clubs), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            tracks[i] = (await SetUpClubAsync(provider, (ulong)(1_000_000 + i), channels[i], schedule, ct)).Track);
        setup.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"set up {clubs} clubs (3 nominations, voting open, 1 ballot each) in {setup.Elapsed.TotalSeconds:0.0} s; votes close at {due:HH:mm:ss} UTC"));

        var recorder = new FireRecorder(clock);
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
        scheduler.ListenerManager.AddJobListener(recorder);
        await scheduler.Start();

        // Start-up: rebuild every trigger from the store (one catch-up run per track, which arms the next step).
        var rebuild = Stopwatch.StartNew();
        await provider.GetRequiredService<TrackTriggers>().RebuildAsync(CancellationToken.None);
        var scheduled = rebuild.Elapsed;
        await recorder.WaitForAsync(clubs);
        rebuild.Stop();
        var armed = 0;
        foreach (var track in tracks)
        {
            var next = (await scheduler.GetTrigger(TrackTriggers.TriggerFor(track.Id)))?.NextFireTimeUtc;
            if (next == due)
            {
                armed++;
            }
            else if (armed == 0)
            {
                var cycle = await provider.GetRequiredService<ICycleRepository>().GetCurrentAsync(track.Id, CancellationToken.None);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"not armed at the close: trigger {next:O}, cycle {cycle?.Phase} closing {cycle?.VotingClosesAt:O}"));
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rebuild: {clubs} triggers scheduled in {scheduled.TotalMilliseconds:0} ms; catch-up pass done and next steps armed in {rebuild.Elapsed.TotalMilliseconds:0} ms; armed at the close: {armed}"));

        // The closes come due together.
        recorder.Reset();
        var before = await control.StatsAsync();
        if (armed < clubs)
        {
            Console.WriteLine("not every trigger is armed at the close; stopping");
            return;
        }

        await recorder.WaitForAsync(clubs, due + TimeSpan.FromMinutes(3) - clock.GetUtcNow());
        var drained = clock.GetUtcNow() - due;
        var after = await control.StatsAsync();
        var lateness = recorder.Lateness.Select(l => l.TotalMilliseconds).Order().ToArray();
        var outbox = provider.GetRequiredService<IOutboxRepository>();
        var pending = (await outbox.ListPendingAsync(CancellationToken.None)).Count;
        var announced = 0;
        var decided = new List<double>();
        var posted = new List<double>();
        foreach (var track in tracks)
        {
            foreach (var cycle in (await provider.GetRequiredService<ICycleRepository>().ListByTrackAsync(track.Id, CancellationToken.None)).Where(c => c.Phase == CyclePhase.Announced))
            {
                announced++;
                if (await outbox.FindAsync("pick-announced", cycle.Id.ToString(), CancellationToken.None) is { } post)
                {
                    decided.Add((post.CreatedAt - due).TotalMilliseconds);
                    posted.Add(((post.SentAt ?? clock.GetUtcNow()) - due).TotalMilliseconds);
                }
            }
        }

        decided.Sort();
        posted.Sort();

        var requests = after.Requests - before.Requests;
        var limited = (await control.RequestsAsync()).Where(r => r.Status == 429).ToList();
        var global = limited.Count(r => r.Body?.Contains("\"global\":true", StringComparison.Ordinal) == true);
        var routes = string.Join(", ", limited.GroupBy(r => r.Method + " " + (r.Path.Contains("/threads", StringComparison.Ordinal) ? "thread" : r.Path.Contains("/messages", StringComparison.Ordinal) ? "message" : "other")).Select(g => $"{g.Key} {g.Count()}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fire lateness over {lateness.Length} closes: p50 {Percentile(lateness, 0.50):0} ms, p99 {Percentile(lateness, 0.99):0} ms, max {lateness[^1]:0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"announcement decided (in the outbox) after the due minute: p50 {Percentile([.. decided], 0.50):0} ms, p99 {Percentile([.. decided], 0.99):0} ms; posted: p50 {Percentile([.. posted], 0.50):0} ms, p99 {Percentile([.. posted], 0.99):0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"announced {announced}/{clubs}; every close job finished {drained.TotalSeconds:0.0} s after the due minute; {requests} REST requests (the 50/s global limit allows them in {requests / 50.0:0.0} s); 429 responses: {after.RateLimited - before.RateLimited} ({global} global; {routes}); outbox still pending: {pending}"));

        await scheduler.Shutdown(waitForJobsToComplete: true);
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>
    /// One club with a film track in <paramref name="channelId"/>: three nominations, voting open with one ballot, then
    /// <paramref name="schedule"/> (the open vote re-planned to close at its next close). Returns the track and its first nomination.
    /// </summary>
    internal static async Task<(Track Track, NominationId First)> SetUpClubAsync(IServiceProvider provider, ulong guildId, ulong channelId, TrackSchedule schedule, CancellationToken ct)
    {
        var tracks = provider.GetRequiredService<TrackService>();
        var track = (await provider.GetRequiredService<ClubService>().SetupTrackAsync(guildId, "Film Night", MediaKind.Film, channelId, "UTC", TrackRules.Default with { VotingMethod = VotingMethod.Plurality }, ct)).Value;
        var nominations = provider.GetRequiredService<NominationService>();
        var first = await nominations.NominateAsync(track, 1, MediaFactory.Film("Stalker", 1979, null, null).Value, null, ct);
        await nominations.NominateAsync(track, 2, MediaFactory.Film("Solaris", 1972, null, null).Value, null, ct);
        await nominations.NominateAsync(track, 3, MediaFactory.Film("Mirror", 1975, null, null).Value, null, ct);
        var voting = provider.GetRequiredService<VotingService>();
        await voting.OpenVotingAsync(track, ct);
        await voting.CastAsync(track, 4, [first.Value.Id], ct);

        // The schedule after the vote opened: the open vote is re-planned to close at the shared minute.
        track = (await tracks.SetScheduleAsync(track, schedule, ct)).Value;
        track = (await tracks.SetChannelKindAsync(track, TrackChannelKind.Text, ct)).Value; // what a running bot has already looked up
        return (track, first.Value.Id);
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>How late each track job started against its trigger's scheduled time, and when they finished.</summary>
    private sealed class FireRecorder(TimeProvider clock) : IJobListener
    {
        private readonly ConcurrentBag<TimeSpan> _lateness = [];
        private int _finished;
        private int _failures;
        private TaskCompletionSource _target = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _wanted = int.MaxValue;

        public string Name => "bench-recorder";

        public IReadOnlyCollection<TimeSpan> Lateness => _lateness;

        public void Reset()
        {
            _lateness.Clear();
            Interlocked.Exchange(ref _finished, 0);
        }

        public Task WaitForAsync(int jobs, TimeSpan? timeout = null)
        {
            _target = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _wanted = jobs;
            if (Volatile.Read(ref _finished) >= jobs)
            {
                _target.TrySetResult();
            }

            return _target.Task.WaitAsync(timeout ?? TimeSpan.FromMinutes(5));
        }

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            _lateness.Add(clock.GetUtcNow() - context.ScheduledFireTimeUtc!.Value);
            return ValueTask.CompletedTask;
        }

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            if (jobException is not null)
            {
                if (Interlocked.Increment(ref _failures) <= 2)
                {
                    Console.Error.WriteLine($"job failed: {jobException.InnerException ?? jobException}");
                }
            }

            if (Interlocked.Increment(ref _finished) >= _wanted)
            {
                _target.TrySetResult();
            }

            return ValueTask.CompletedTask;
        }
    }
}
