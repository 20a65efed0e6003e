using System.Globalization;
using ListeningClub.Bot.Interactions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace ListeningClub.Bot.Features.Backup;

/// <summary>Backups: the daily backup job (Quartz, UTC cron at <see cref="BackupOptions.DailyAtUtc"/>) and /club backup.</summary>
public static class BackupFeature
{
    public static IServiceCollection AddBackups(this IServiceCollection services)
    {
        services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddTransient<BackupJob>();
        services.AddHostedService<BackupSchedule>();
        services.AddManagerSubcommand<ClubBackup>();
        return services;
    }
}

/// <summary>Arms the daily backup trigger when the host starts (Quartz's in-memory store starts empty).</summary>
internal sealed class BackupSchedule(ISchedulerFactory schedulers, IOptions<BackupOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Daily)
        {
            return;
        }

        var at = options.Value.DailyAtUtc;
        var job = JobBuilder.Create<BackupJob>().WithIdentity(BackupJob.Key).Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity("daily-backup-trigger", BackupJob.Key.Group)
            .WithCronSchedule(string.Create(CultureInfo.InvariantCulture, $"{at.Seconds} {at.Minutes} {at.Hours} * * ?"), cron => cron.InTimeZone(TimeZoneInfo.Utc))
            .Build();
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
