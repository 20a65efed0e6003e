using System.Collections.Concurrent;
using ListeningClub.Bot.Hosting;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Storage.Postgres.Engine;
using ListeningClub.Storage.Postgres.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Quartz;

namespace ListeningClub.Bot.Tests.Hosting;

/// <summary>Quartz clustered on PostgreSQL: the tables come from the store's migration, and two schedulers on one database fire each trigger once.</summary>
public sealed class ClusteredQuartzTests
{
    [Fact]
    public async Task TwoSchedulersOnTheSameDatabase_FireEachTriggerOnce()
    {
        var cluster = await PostgresCluster.Shared;
        var connectionString = await cluster.CreateSchemaAsync("quartz");
        await (await PostgresStore.OpenAsync(new PostgresStoreSettings { ConnectionString = connectionString, ExtraSchema = [QuartzClustering.Schema] })).DisposeAsync();
        var run = Guid.NewGuid().ToString("N");
        await using var first = await StartSchedulerAsync(connectionString);
        await using var second = await StartSchedulerAsync(connectionString);
        var one = await first.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var two = await second.GetRequiredService<ISchedulerFactory>().GetScheduler();
        try
        {
            Assert.NotEqual(one.SchedulerInstanceId, two.SchedulerInstanceId);
            await ScheduleAndCheckAsync(connectionString, run, one, two);
        }
        finally
        {
            await one.Shutdown(waitForJobsToComplete: true);
            await two.Shutdown(waitForJobsToComplete: true);
        }
    }

    private static async Task ScheduleAndCheckAsync(string connectionString, string run, IScheduler one, IScheduler two)
    {
        const int Triggers = 20;

        // Half the triggers are scheduled through each instance; all come due within a second.
        for (var i = 0; i < Triggers; i++)
        {
            var job = JobBuilder.Create<CountingJob>().WithIdentity($"job-{i}", run).UsingJobData(CountingJob.RunKey, run).Build();
            var trigger = TriggerBuilder.Create().WithIdentity($"trigger-{i}", run).StartAt(TimeProvider.System.GetUtcNow().AddMilliseconds(500 + 25 * i)).Build();
            await (i % 2 == 0 ? one : two).ScheduleJob(job, trigger);
        }

        // Done when every trigger has fired and none is left in the tables (a fired one-shot trigger is deleted, so none can fire again).
        await RunningBot.WaitUntilAsync(
            async () => CountingJob.Fired(run).Count == Triggers && await CountAsync(connectionString, $"SELECT count(*) FROM {QuartzClustering.TablePrefix}triggers") == 0
                && await CountAsync(connectionString, $"SELECT count(*) FROM {QuartzClustering.TablePrefix}fired_triggers") == 0,
            "every trigger fired and done");

        var fired = CountingJob.Fired(run);
        Assert.Equal(Enumerable.Range(0, Triggers).Select(i => $"job-{i}").Order(), fired.Keys.Order());
        Assert.All(fired, f => Assert.Equal(1, f.Value));
        Assert.Equal(2L, await CountAsync(connectionString, $"SELECT count(*) FROM {QuartzClustering.TablePrefix}scheduler_state"));
    }

    private static async Task<ServiceProvider> StartSchedulerAsync(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddQuartz(quartz => quartz.UseClusteredPostgres(connectionString));
        var provider = services.BuildServiceProvider();
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Start();
        return provider;
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Counts its executions per job, by test run.</summary>
    public sealed class CountingJob : IJob
    {
        public const string RunKey = "run";

        private static readonly ConcurrentDictionary<string, ConcurrentDictionary<string, int>> Runs = new();

        public static IReadOnlyDictionary<string, int> Fired(string run) => Runs.GetOrAdd(run, _ => new());

        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(context);
            var run = context.MergedJobDataMap.GetString(RunKey)!;
            Runs.GetOrAdd(run, _ => new()).AddOrUpdate(context.JobDetail.Key.Name, 1, (_, count) => count + 1);
            return ValueTask.CompletedTask;
        }
    }
}
