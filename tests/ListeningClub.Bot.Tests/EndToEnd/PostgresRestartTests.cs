using System.Net;
using System.Text.Json.Nodes;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;
using ListeningClub.Storage.Postgres.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;
using static ListeningClub.Discord.Emulator.Control.Slash;

namespace ListeningClub.Bot.Tests.EndToEnd;

/// <summary>
/// Issue #17's fault test: PostgreSQL restarted in the middle of a burst of ballots. The bot runs on a cluster of its own
/// (the shared one serves the tests running beside this one), members vote through the emulator, and the server is
/// stopped while submissions are in flight (<c>pg_ctl stop -m immediate</c>, a crash, and <c>-m fast</c>, an operator's
/// restart), kept down while more arrive, then started again. As a member and an operator would check it: every ballot the bot said was recorded is
/// stored and counted; a ballot it could not save got one clear line saying so (and trying again later works); /healthz
/// said the store was down while it was and healthy after; the same bot process carried on; the log holds one line per
/// refused interaction and no stack trace of ours. The test waits for events (answers, health), never for a time.
/// </summary>
public sealed class PostgresRestartTests(ITestOutputHelper output)
{
    private const string Recorded = "Your ballot";

    [Theory]
    [InlineData(PostgresShutdown.Immediate)]
    [InlineData(PostgresShutdown.Fast)]
    public async Task PostgresRestartedMidBurst_TheBotRefusesClearly_ReportsTheStoreDown_RecoversWithoutRestart_AndLosesNoRecordedBallot(PostgresShutdown mode)
    {
        await using var cluster = await PostgresCluster.StartPrivateAsync();
        var port = FreePort.Next();
        var logs = new CapturedLogs();
        var burst = Enumerable.Range(1, 32).Select(i => $"early{i:00}").ToList();
        var duringOutage = Enumerable.Range(1, 16).Select(i => $"late{i:00}").ToList();
        await using var bot = await RunningBot.StartAsync(new RunningBotSettings
        {
            // LiteDb adds no store settings of its own: the arguments put this bot on its private cluster.
            Store = TestClubStore.LiteDb,
            ExtraMembers = [.. burst, .. duringOutage],
            Args =
            [
                "--Storage:Provider=Postgres",
                $"--ConnectionStrings:Postgres={await cluster.CreateSchemaAsync("bot")}",
                "--Health:Enabled=true",
                $"--Health:Port={port}",
            ],
            Configure = builder => builder.Services.AddSingleton<ILoggerProvider>(logs),
        });
        var host = bot.Host;
        var members = bot.Members;
        using var http = new HttpClient();
        var healthz = new Uri($"http://127.0.0.1:{port}/healthz");

        await members.OpenFilmVoteAsync();
        await HealthAsync(http, healthz, HttpStatusCode.OK, "healthy before the restart");
        var forms = new Dictionary<string, (string MessageId, string SubmitId)>();
        await Parallel.ForEachAsync([.. burst, .. duringOutage], new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (voter, _) =>
        {
            var form = await members.PrepareBallotAsync(voter);
            lock (forms)
            {
                forms[voter] = form;
            }
        });
        var logsBefore = logs.Entries.Count;

        // The burst: the early voters submit without waiting for answers; once the first few were answered (the burst is
        // being served), PostgreSQL is stopped (immediate: killed, no checkpoint) while the rest keep coming. Then,
        // with the server gone, the late voters submit too.
        var sent = new List<(string Voter, string InteractionId)>();
        Task? stopping = null;
        foreach (var voter in burst)
        {
            if (sent.Count == burst.Count / 2)
            {
                foreach (var (_, id) in sent.Take(4))
                {
                    await members.AnsweredAsync(id);
                }

                stopping = cluster.StopServerAsync(mode);
            }

            sent.Add((voter, (await members.SendComponentAsync(voter, forms[voter].SubmitId, forms[voter].MessageId)).Id));
        }

        await stopping!;
        foreach (var voter in duringOutage)
        {
            sent.Add((voter, (await members.SendComponentAsync(voter, forms[voter].SubmitId, forms[voter].MessageId)).Id));
        }

        var answers = new Dictionary<string, string>();
        foreach (var (voter, id) in sent)
        {
            answers[voter] = Content(await members.AnsweredAsync(id));
        }

        // While the server is down, /healthz says the store is not writable and why, in one line.
        var down = await HealthAsync(http, healthz, HttpStatusCode.ServiceUnavailable, "the store reported down");
        Assert.False(down["storeWritable"]!.GetValue<bool>());
        Assert.StartsWith("PostgreSQL does not answer", down["storeProblem"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("unhealthy", down["checks"]!["store"]!["status"]!.GetValue<string>());
        Assert.True(down["gatewayConnected"]!.GetValue<bool>());

        var recorded = answers.Where(a => a.Value.Contains(Recorded, StringComparison.Ordinal)).Select(a => a.Key).ToHashSet();
        var refused = answers.Where(a => a.Value == MemberCommandHandler.StoreUnavailableReply).Select(a => a.Key).ToHashSet();
        output.WriteLine($"{recorded.Count} recorded, {refused.Count} refused of {sent.Count}");
        Assert.All(answers, a => Assert.True(recorded.Contains(a.Key) || refused.Contains(a.Key), $"{a.Key} was answered neither way: {a.Value}"));
        Assert.Superset(duringOutage.ToHashSet(), refused); // every late voter was refused: nothing said "recorded" while the server was gone
        Assert.NotEmpty(recorded);

        await cluster.StartServerAsync();
        await HealthAsync(http, healthz, HttpStatusCode.OK, "healthy after the restart");

        // The same bot process, never restarted: each recorded ballot is stored; refused voters try again, and it works.
        Assert.Same(host, bot.Host);
        var club = (await bot.Get<IClubRepository>().GetAsync(bot.GuildId, default))!;
        var cycle = (await bot.Get<ICycleRepository>().GetCurrentAsync(club.Tracks[0].Id, default))!;
        foreach (var voter in recorded)
        {
            Assert.NotNull(await bot.Get<IBallotRepository>().GetAsync(cycle.Id, ulong.Parse(bot.Guild.Users[voter], System.Globalization.CultureInfo.InvariantCulture), default));
        }

        foreach (var voter in refused)
        {
            var (form, submit) = await members.PrepareBallotAsync(voter);
            Assert.Contains(Recorded, Content(await members.ComponentAsync(voter, submit, form)), StringComparison.Ordinal);
        }

        // Closing counts every ballot: all 48 voters chose the first candidate.
        var closed = await members.CommandAsync("boss", "club", Sub("close-voting"));
        Assert.Contains("Announced", Content(closed), StringComparison.Ordinal);
        var announcement = Assert.Single(await bot.Control.MessagesAsync(bot.Guild.Channels["film-night"]), m => m.Content.StartsWith("The votes are in!", StringComparison.Ordinal));
        Assert.Contains($"**{burst.Count + duringOutage.Count} votes**", announcement.Message.ToJsonString().Replace("\\u002A", "*", StringComparison.Ordinal), StringComparison.Ordinal);

        // The log: one warning line per refused interaction, naming the store, and no stack trace from the bot's own code
        // for this expected failure; what a library logs with one (Quartz's job store on PostgreSQL retrying its own
        // transaction) comes at most once per logger.
        var since = logs.Entries.Skip(logsBefore).Where(e => e.Level >= LogLevel.Warning).ToList();
        foreach (var entry in since)
        {
            output.WriteLine($"{entry.Level} {entry.Category}: {entry.Text.Split('\n')[1]}");
        }

        var withStack = since.Where(e => e.Text.Contains("   at ", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(withStack, e => e.Category.StartsWith("ListeningClub.", StringComparison.Ordinal));
        Assert.All(withStack.GroupBy(e => e.Category), g => Assert.True(g.Count() == 1, $"{g.Count()} stack traces from {g.Key}"));
        Assert.Equal(refused.Count, since.Count(e => e.Text.Contains("cannot be reached right now", StringComparison.Ordinal)));
        Assert.DoesNotContain(answers.Values, a => a.Contains("Something went wrong", StringComparison.Ordinal));
    }

    /// <summary>Asks /healthz until it answers <paramref name="expected"/>; returns the body.</summary>
    private static async Task<JsonNode> HealthAsync(HttpClient http, Uri url, HttpStatusCode expected, string what)
    {
        JsonNode body = null!;
        await RunningBot.WaitUntilAsync(
            async () =>
            {
                using var response = await http.GetAsync(url);
                body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                return response.StatusCode == expected;
            },
            what);
        return body;
    }
}
