using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ListeningClub.Bot.Hosting;

/// <summary>
/// Quartz for the track triggers and the daily backup, on the container's TimeProvider. With LiteDB (one process) its
/// store is in memory: the club store is the source of truth and the triggers are rebuilt from it at start. With
/// PostgreSQL it is clustered on the same database (<see cref="QuartzClustering"/>): any instance may fire any track's
/// trigger, each fires once across the cluster, and a job whose instance died is run again by another.
/// </summary>
public static class QuartzSetup
{
    /// <summary>
    /// Jobs that may run at once. A track's job spends its time awaiting the store and Discord's rate limits, not a
    /// thread, so this is set high: when a thousand tracks come due in the same minute, every job starts on time and
    /// their posts queue in the REST client's rate limiter instead of the jobs queueing in Quartz.
    /// </summary>
    public const int MaxConcurrentJobs = 2000;

    /// <param name="configuration">Read now for the store (Quartz chooses its job store when it is registered).</param>
    public static IServiceCollection AddScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        var clusteredOn = ClusteredConnectionString(configuration);
        services.AddQuartz(quartz =>
        {
            if (clusteredOn is null)
            {
                quartz.UseInMemoryStore(_ => { });
            }
            else
            {
                quartz.UseClusteredPostgres(clusteredOn);
            }

            quartz.UseDefaultThreadPool(MaxConcurrentJobs);
            quartz.ConfigureScheduler(scheduler => scheduler.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs);
        });
        services.AddQuartzHostedService(options =>
        {
            options.WaitForJobsToComplete = true;
            options.AwaitApplicationStarted = true;
        });
        if (clusteredOn is not null)
        {
            services.AddHostedService<ClusterMembership>();
        }

        return services;
    }

    /// <summary>
    /// The PostgreSQL connection string when the clubs are kept in PostgreSQL, else null. A provider or connection
    /// string that is not valid is left to the store's own validation, which says what to fix when the bot starts.
    /// </summary>
    private static string? ClusteredConnectionString(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Postgres");
        return ClubStoreOptions.ChoosesPostgres(configuration) && !string.IsNullOrWhiteSpace(connectionString) ? connectionString : null;
    }
}

/// <summary>Says once, at start, which scheduler instance this process is in the cluster (Quartz's fired-trigger rows name it).</summary>
internal sealed partial class ClusterMembership(ISchedulerFactory schedulers, ILogger<ClusterMembership> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        LogJoined(logger, scheduler.SchedulerInstanceId);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduler instance {InstanceId} is in the cluster on PostgreSQL: any instance runs any track's steps, each once")]
    private static partial void LogJoined(ILogger logger, string instanceId);
}
