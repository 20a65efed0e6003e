using System.Threading.Channels;
using ListeningClub.Bot.Features.Reminders;
using ListeningClub.Bot.Features.Schedule;
using ListeningClub.Discord.Gateway;
using ListeningClub.Discord.Hosting;
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
        services.AddSingleton<PostingSteps>();
        services.AddSingleton<Events.PartyEvents>();
        services.AddSingleton<TrackRhythm>();
        services.AddSingleton<RhythmScheduler>();
        services.AddSingleton<TrackChange>();
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
        services.AddSingleton<RhythmCatchUpRequests>();
        services.AddGatewayDispatchHandler<RhythmReadyHandler>();
        services.AddHostedService<RhythmStartup>();
        services.AddScheduleCommands();
        services.AddReminders();
        return services;
    }
}

/// <summary>Catch-up passes asked for after start (each READY from the gateway: the bot may have been cut off from Discord).</summary>
internal sealed class RhythmCatchUpRequests
{
    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Request() => _requests.Writer.TryWrite(true);

    public IAsyncEnumerable<bool> ReadAllAsync(CancellationToken ct) => _requests.Reader.ReadAllAsync(ct);
}

/// <summary>On READY (a new gateway session, after a start or a long disconnection), asks for a catch-up pass; it never blocks the gateway.</summary>
internal sealed class RhythmReadyHandler(RhythmCatchUpRequests requests) : IGatewayDispatchHandler
{
    public bool Wants(string eventName) => eventName == "READY";

    public Task HandleAsync(GatewayDispatch dispatch, CancellationToken ct)
    {
        requests.Request();
        return Task.CompletedTask;
    }
}

/// <summary>
/// The catch-up pass, at start and after every READY: send what the outbox still holds (posts that failed while
/// Discord was out of reach), then run every track's overdue steps and arm its next one. Passes never overlap.
/// </summary>
internal sealed partial class RhythmStartup(OutboxSender outbox, RhythmScheduler scheduler, RhythmCatchUpRequests requests, IHostApplicationLifetime lifetime, ILogger<RhythmStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
        }

        await CatchUpAsync(stoppingToken).ConfigureAwait(false);
        await foreach (var _ in requests.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            await CatchUpAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task CatchUpAsync(CancellationToken stoppingToken)
    {
        var flushed = await outbox.FlushAsync(stoppingToken).ConfigureAwait(false);
        if (flushed > 0)
        {
            LogFlushed(logger, flushed);
        }

        await scheduler.RebuildAsync(stoppingToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} posts decided earlier that had not gone out")]
    private static partial void LogFlushed(ILogger logger, int count);
}
