using ListeningClub.Bot.Tests.Support;
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
public sealed class ClusterVoteBurstTests(ITestOutputHelper output)
{
    [Fact]
    public async Task KillDashNine_OneOfThreeInstances_MidVoteBurst_LosesNoAcknowledgedBallot_AndItsShardResumesOnRestart()
    {
        var voters = Enumerable.Range(1, 12).Select(i => $"voter{i:00}").ToList();
        await using var cluster = await BotCluster.StartAsync(Instances, voters);
        await Task.WhenAll(Enumerable.Range(0, Instances).Select(shard => cluster.Members(shard).OpenFilmVoteAsync()));
        var forms = await Task.WhenAll(Enumerable.Range(0, Instances).Select(async shard =>
        {
            var prepared = new Dictionary<string, (string MessageId, string SubmitId)>();
            foreach (var voter in voters)
            {
                prepared[voter] = await cluster.Members(shard).PrepareBallotAsync(voter);
            }

            return prepared;
        }));

        // Every member submits in every guild, interleaved, without waiting for answers. Halfway through, once instance 1
        // has answered one of its guild's submissions (so it dies with some acknowledged and others in flight), it is killed.
        var sent = new List<(int Shard, string Voter, string InteractionId)>();
        var submissions = voters.SelectMany(voter => Enumerable.Range(0, Instances).Select(shard => (shard, voter))).ToList();
        foreach (var (shard, voter) in submissions)
        {
            if (sent.Count == submissions.Count / 2)
            {
                await RunningBot.WaitUntilAsync(
                    async () => (await Task.WhenAll(sent.Where(s => s.Shard == 1).Select(s => cluster.Control.GetInteractionAsync(s.InteractionId)))).Any(r => r.Answered),
                    "instance 1 to answer a submission");
                cluster.Instances[1].Kill();
            }

            try
            {
                var interaction = await cluster.Members(shard).SendComponentAsync(voter, forms[shard][voter].SubmitId, forms[shard][voter].MessageId);
                sent.Add((shard, voter, interaction.Id));
            }
            catch (HttpRequestException)
            {
                // No instance holds that guild's shard now: the emulator cannot deliver the interaction, as Discord could not.
            }
        }

        var answers = await Task.WhenAll(sent.Select(s => AcknowledgedAsync(cluster.Control, s.InteractionId)));
        var acknowledged = sent.Where((_, i) => answers[i]).Select(s => (s.Shard, s.Voter)).ToList();

        output.WriteLine($"{sent.Count} of {submissions.Count} submissions delivered, {acknowledged.Count} acknowledged; instance 1 killed after {submissions.Count / 2}");
        Assert.All(Enumerable.Range(0, Instances), shard => Assert.Contains(acknowledged, a => a.Shard == shard));

        // Resumed on restart (as Compose's restart policy or systemd does): shard 1's members are served again.
        await cluster.StartInstanceAsync(1);
        Assert.Contains("Film Night", Content(await cluster.Members(1).CommandAsync("boss", "club", Sub("show"))), StringComparison.Ordinal);

        await using var store = await cluster.OpenStoreAsync();
        foreach (var shard in Enumerable.Range(0, Instances))
        {
            var guild = cluster.Guilds[shard];
            var cycle = await CurrentCycleAsync(store, guild);
            var ballots = await new PostgresBallotRepository(store).ListByCycleAsync(cycle.Id, default);
            foreach (var (_, voter) in acknowledged.Where(a => a.Shard == shard))
            {
                Assert.Contains(ballots, b => b.MemberId == UserId(guild, voter));
            }

            // Closing counts every stored ballot, once, and the pick is announced once.
            Assert.Contains("Announced", Content(await cluster.Members(shard).CommandAsync("boss", "club", Sub("close-voting"))), StringComparison.Ordinal);
            var pick = await new PostgresPickRepository(store).GetByCycleAsync(cycle.Id, default);
            Assert.Equal(ballots.Count, pick!.BallotCount);
            Assert.Single(await AnnouncementsAsync(cluster.Control, guild));
        }
    }
}
