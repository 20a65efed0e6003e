using System.Text.Json;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Discord.Emulator.Hosting;
using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;
using ListeningClub.Storage.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static ListeningClub.Discord.Emulator.Control.Slash;

namespace ListeningClub.Bot.Tests.Hosting;

/// <summary>The built executable, run as the README says, against the emulator.</summary>
public sealed class ExecutableTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ReadmeRun_AgainstTheEmulator_IdentifiesRegistersAndServesHelp_LoggingJsonWithoutTheToken()
    {
        var token = "SENTINEL" + Guid.NewGuid().ToString("N");
        await using var bot = await ExecutableBot.StartAsync(
            new EmulatorSettings { BotToken = token, HeartbeatInterval = TimeSpan.FromSeconds(5) },
            environment: new Dictionary<string, string?>
            {
                ["ListeningClub__Logging__Console__FormatterName"] = "json",

                // The REST calls made while answering are logged at Information with this (Warning by default).
                ["ListeningClub__Logging__LogLevel__System.Net.Http.HttpClient"] = "Information",
            });

        var help = await bot.Members.CommandAsync("ana", "help");
        Assert.Contains("/nominate film", Content(help), StringComparison.Ordinal);
        Assert.Equal(1, (await bot.Control.StatsAsync()).Identifies);

        bot.Process.Terminate();
        Assert.Equal(0, await bot.Process.WaitForExitAsync(TimeSpan.FromSeconds(30)));

        // One JSON object per line; the lines written while /help was handled carry the interaction and guild.
        var entries = bot.Process.Lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Contains(entries, e => e.TryGetProperty("Scopes", out var scopes) && scopes.EnumerateArray().Any(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("InteractionId", out var id) && id.ToString() == help.Id));
        Assert.DoesNotContain(token, bot.Process.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// SIGTERM in the middle of a burst of ballot submissions: the bot stops taking interactions, lets the running
    /// ones finish, drains the writer and checkpoints; every ballot a member was told is in is in the file.
    /// </summary>
    [Fact]
    public async Task Sigterm_MidBallotBurst_EveryAcknowledgedBallotIsStored()
    {
        var voters = Enumerable.Range(1, 40).Select(i => $"voter{i:00}").ToList();
        await using var bot = await ExecutableBot.StartAsync(extraMembers: voters);
        var members = bot.Members;
        await members.OpenFilmVoteAsync();
        var forms = new Dictionary<string, (string MessageId, string SubmitId)>();
        foreach (var voter in voters)
        {
            forms[voter] = await members.PrepareBallotAsync(voter);
        }

        // Fire the submissions without waiting for answers; SIGTERM goes out halfway through.
        var sent = new List<(string Voter, string InteractionId)>();
        foreach (var voter in voters)
        {
            if (sent.Count == voters.Count / 2)
            {
                bot.Process.Terminate();
            }

            try
            {
                var interaction = await members.SendComponentAsync(voter, forms[voter].SubmitId, forms[voter].MessageId);
                sent.Add((voter, interaction.Id));
            }
            catch (HttpRequestException)
            {
                // The bot is gone from the gateway: the emulator cannot deliver this one.
            }
        }

        Assert.Equal(0, await bot.Process.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains(bot.Process.Lines, line => line.Contains("Closed ", StringComparison.Ordinal) && line.Contains("listeningclub.db", StringComparison.Ordinal));

        var acknowledged = new List<string>();
        foreach (var (voter, id) in sent)
        {
            var record = await bot.Control.GetInteractionAsync(id);
            if (record.Callbacks.Count > 0 && (Content(record).Contains("Your ballot", StringComparison.Ordinal) || (record.Original?["content"]?.GetValue<string>() ?? "").Contains("Your ballot", StringComparison.Ordinal)))
            {
                acknowledged.Add(voter);
            }
        }

        output.WriteLine($"{sent.Count} submissions delivered, {acknowledged.Count} acknowledged; SIGTERM after {voters.Count / 2}");
        Assert.NotEmpty(acknowledged);

        // The file reopens, and every acknowledged ballot is in it.
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(new ConfigurationBuilder().Build()).AddListeningClubStorage(o => o.DataFolder = bot.DataFolder).BuildServiceProvider();
        await using (services)
        {
            var guildId = ulong.Parse(bot.Guild.GuildId, System.Globalization.CultureInfo.InvariantCulture);
            var track = (await services.GetRequiredService<IClubRepository>().GetAsync(guildId, default))!.Tracks[0];
            var cycle = (await services.GetRequiredService<ICycleRepository>().GetCurrentAsync(track.Id, default))!;
            var ballots = services.GetRequiredService<IBallotRepository>();
            foreach (var voter in acknowledged)
            {
                var memberId = ulong.Parse(bot.Guild.Users[voter], System.Globalization.CultureInfo.InvariantCulture);
                Assert.NotNull(await ballots.GetAsync(cycle.Id, memberId, default));
            }
        }
    }
}
