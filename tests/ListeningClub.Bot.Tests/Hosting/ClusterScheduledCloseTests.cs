using ListeningClub.Bot.Posting;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Domain.Cycles;
using ListeningClub.Storage.Postgres.Repositories;
using Xunit.Abstractions;
using static ListeningClub.Bot.Tests.Support.ClusterEvidence;
using static ListeningClub.Discord.Emulator.Control.Slash;

namespace ListeningClub.Bot.Tests.Hosting;

/// <summary>
/// Three instances of the built executable on one PostgreSQL store, each running one of three gateway shards, with
/// Quartz clustered on the store (<see cref="BotCluster"/>); one of them is killed with SIGKILL (kill -9). The
/// emulator's records (interactions answered, messages posted) and the store are the evidence.
/// </summary>
public sealed class ClusterScheduledCloseTests(ITestOutputHelper output)
{
    private static readonly TimeSpan ClaimLease = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task KillDashNine_TheInstanceRunningAScheduledClose_AnotherClosesItOnce_AndTheAnnouncementPostsOnce()
    {
        var voters = Enumerable.Range(1, 6).Select(i => $"voter{i:00}").ToList();
        await using var cluster = await BotCluster.StartAsync(Instances, voters, new Dictionary<string, string?> { ["ListeningClub__Outbox__ClaimLease"] = ClaimLease.ToString() });
        var guild = cluster.Guilds[2];
        var members = cluster.Members(2);
        await members.OpenFilmVoteAsync();
        foreach (var voter in voters)
        {
            var (messageId, submitId) = await members.PrepareBallotAsync(voter);
            Assert.True(await AcknowledgedAsync(cluster.Control, (await members.SendComponentAsync(voter, submitId, messageId)).Id), $"{voter}'s ballot");
        }

        // Voting closes at the whole minute 30 to 90 s away (in the track's time zone, Berlin), on schedule.
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var closes = TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow().AddSeconds(90), berlin);
        closes = new DateTimeOffset(closes.Year, closes.Month, closes.Day, closes.Hour, closes.Minute, 0, closes.Offset);
        var schedule = await members.CommandAsync("boss", "club", Sub(
            "schedule",
            ("nominations-open", Weekly(closes.AddDays(-2))),
            ("voting-opens", Weekly(closes.AddDays(-1))),
            ("voting-closes", Weekly(closes)),
            ("reminders", "none")));
        Assert.Contains("Film Night", Content(schedule), StringComparison.Ordinal);

        // Discord makes the announcement wait (a 429), so the close is still running when its instance is killed.
        var channel = guild.Channels["film-night"];
        await cluster.Control.RestFaultAsync(new RestFaultSpec($"/channels/{channel}/messages", 429, Count: 1, RetryAfter: 10));
        await using var store = await cluster.OpenStoreAsync();
        var cycle = await CurrentCycleAsync(store, guild);
        var running = await cluster.InstanceRunningStepOfAsync(cycle.TrackId.ToString(), closes);
        output.WriteLine($"instance {running} runs the close due at {closes:O}; killing it");
        cluster.Instances[running].Kill();

        // Another instance recovers the job (Quartz's cluster check-in, 20 s) and, once the dead one's claim expired, its
        // outbox sends the post (it looks every 30 s when instances share the store): one announcement.
        try
        {
            await RunningBot.WaitUntilAsync(
                async () => (await AnnouncementsAsync(cluster.Control, guild)).Count > 0,
                "the pick to be announced by another instance",
                longer: ClaimLease + OutboxDispatcher.SharedStoreScan);
        }
        catch (TimeoutException)
        {
            output.WriteLine(cluster.Tails());
            throw;
        }
        await RunningBot.WaitUntilAsync(async () => (await new PostgresOutboxRepository(store).ListPendingAsync(default)).Count == 0, "the outbox to be empty");
        await cluster.StartInstanceAsync(running);
        await RunningBot.WaitUntilAsync(async () => (await new PostgresOutboxRepository(store).ListPendingAsync(default)).Count == 0, "the outbox to stay empty after the restart");

        var announced = Assert.Single(await AnnouncementsAsync(cluster.Control, guild));
        var pick = await new PostgresPickRepository(store).GetByCycleAsync(cycle.Id, default);
        Assert.Equal(voters.Count, pick!.BallotCount);
        Assert.Contains(pick.Media.DisplayName, announced.Content, StringComparison.Ordinal);
        Assert.Equal(CyclePhase.Announced, (await new PostgresCycleRepository(store).GetAsync(cycle.Id, default))!.Phase);
        Assert.Single(await new PostgresPickRepository(store).ListByTrackAsync(cycle.TrackId, default));
    }
}
