using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
        return services;
    }

    /// <summary>
    /// The PostgreSQL connection string when the clubs are kept in PostgreSQL, else null. A provider or connection
    /// string that is not valid is left to the store's own validation, which says what to fix when the bot starts.
    /// </summary>
    private static string? ClusteredConnectionString(IConfiguration configuration)
    {
        var provider = configuration[$"{ClubStoreOptions.SectionName}:{nameof(ClubStoreOptions.Provider)}"];
        var connectionString = configuration.GetConnectionString("Postgres");
        return string.Equals(provider, ClubStoreOptions.Postgres, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(connectionString)
            ? connectionString
            : null;
    }
}
