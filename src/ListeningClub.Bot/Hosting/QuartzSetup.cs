using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace ListeningClub.Bot.Hosting;

/// <summary>Quartz for the track triggers and the daily backup: in-memory store (the store is the source of truth), the container's TimeProvider.</summary>
public static class QuartzSetup
{
    /// <summary>
    /// Jobs that may run at once. A track's job spends its time awaiting the store and Discord's rate limits, not a
    /// thread, so this is set high: when a thousand tracks come due in the same minute, every job starts on time and
    /// their posts queue in the REST client's rate limiter instead of the jobs queueing in Quartz.
    /// </summary>
    public const int MaxConcurrentJobs = 2000;

    public static IServiceCollection AddScheduler(this IServiceCollection services)
    {
        services.AddQuartz(quartz =>
        {
            quartz.UseInMemoryStore(_ => { });
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
}
