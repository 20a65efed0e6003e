using System.Collections.Concurrent;
using ListeningClub.Bot.Features.Schedule;
using ListeningClub.Domain.Common;
using Quartz;

namespace ListeningClub.Bot.Tests.Support;

/// <summary>
/// Drives the bot's real Quartz scheduler on the harness's fake clock: moves the clock to a track's armed trigger,
/// lets Quartz fire the track's job and waits until the job has run (and re-armed the trigger).
/// </summary>
public sealed class SchedulerDriver : IJobListener
{
    private readonly ConcurrentDictionary<JobKey, TaskCompletionSource> _runs = new();
    private readonly BotHarness _bot;
    private IScheduler _scheduler = null!;

    private SchedulerDriver(BotHarness bot) => _bot = bot;

    public string Name => "test-driver";

    /// <summary>Every instant (UTC) the track's job ran at, in order.</summary>
    public List<DateTimeOffset> Fired { get; } = [];

    public static async Task<SchedulerDriver> StartAsync(BotHarness bot)
    {
        var driver = new SchedulerDriver(bot);
        driver._scheduler = await bot.Get<ISchedulerFactory>().GetScheduler();
        driver._scheduler.ListenerManager.AddJobListener(driver);
        await driver._scheduler.Start();
        return driver;
    }

    /// <summary>When the track's trigger fires next; null when nothing is armed.</summary>
    public async Task<DateTimeOffset?> NextFireAsync(TrackId track) =>
        (await _scheduler.GetTrigger(TrackTriggers.TriggerFor(track)))?.NextFireTimeUtc;

    /// <summary>Runs the track's job now (as at start-up or after a manager's change) and waits for it.</summary>
    public async Task RunNowAsync(ulong guildId, TrackId track)
    {
        var run = Expect(track);
        await _bot.Get<TrackTriggers>().RunNowAsync(guildId, track, CancellationToken.None);
        await run.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Moves the clock to the track's next trigger, lets Quartz fire it and waits for the job; returns the instant.</summary>
    public async Task<DateTimeOffset> FireNextAsync(TrackId track)
    {
        var at = await NextFireAsync(track) ?? throw new InvalidOperationException("Nothing is armed for the track.");
        var run = Expect(track);
        if (at > _bot.Time.GetUtcNow())
        {
            _bot.Time.SetUtcNow(at);
        }

        await run.WaitAsync(TimeSpan.FromSeconds(30));
        return at;
    }

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        lock (Fired)
        {
            Fired.Add(_bot.Time.GetUtcNow());
        }

        if (_runs.TryRemove(context.JobDetail.Key, out var run))
        {
            if (jobException is not null)
            {
                run.TrySetException(jobException);
            }
            else
            {
                run.TrySetResult();
            }
        }

        return ValueTask.CompletedTask;
    }

    private Task Expect(TrackId track) =>
        _runs.GetOrAdd(TrackTriggers.JobFor(track), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
}
