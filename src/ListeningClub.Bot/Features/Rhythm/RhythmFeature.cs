using ListeningClub.Bot.Features.Reminders;
using ListeningClub.Bot.Features.Schedule;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ListeningClub.Bot.Features.Rhythm;

/// <summary>Registers the weekly rhythm: Quartz (in-memory store; it takes the container's TimeProvider), the track job, the outbox and the start-up catch-up.</summary>
public static class RhythmFeature
{
    /// <summary>
    /// Track jobs that may run at once. A job spends its time awaiting the store and Discord's rate limits, not a
    /// thread, so this is set high: when a thousand tracks come due in the same minute, every job starts on time and
    /// their posts queue in the REST client's rate limiter instead of the jobs queueing in Quartz.
    /// </summary>
    public const int MaxConcurrentTrackJobs = 2000;

    public static IServiceCollection AddRhythm(this IServiceCollection services)
    {
        services.AddSingleton<OutboxSender>();
        services.AddSingleton<TrackPosts>();
        services.AddSingleton<Events.PartyEvents>();
        services.AddSingleton<TrackRhythm>();
        services.AddSingleton<RhythmScheduler>();
        services.AddTransient<RhythmJob>();
        services.AddQuartz(quartz =>
        {
            quartz.UseInMemoryStore(_ => { });
            quartz.UseDefaultThreadPool(MaxConcurrentTrackJobs);
            quartz.ConfigureScheduler(scheduler => scheduler.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs);
        });
        services.AddQuartzHostedService(options =>
        {
            options.WaitForJobsToComplete = true;
            options.AwaitApplicationStarted = true;
        });
        services.AddHostedService<RhythmStartup>();
        services.AddScheduleCommands();
        services.AddReminders();
        return services;
    }
}

/// <summary>At start: send what the outbox still holds, then run every track's overdue steps and arm its next one.</summary>
internal sealed partial class RhythmStartup(OutboxSender outbox, RhythmScheduler scheduler, IHostApplicationLifetime lifetime, ILogger<RhythmStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
        }

        var flushed = await outbox.FlushAsync(stoppingToken).ConfigureAwait(false);
        if (flushed > 0)
        {
            LogFlushed(logger, flushed);
        }

        await scheduler.RebuildAsync(stoppingToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} posts decided before the last shutdown")]
    private static partial void LogFlushed(ILogger logger, int count);
}
