using ListeningClub.Bot.Tests.Support;
using ListeningClub.Discord.Emulator.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static ListeningClub.Discord.Emulator.Control.Slash;

namespace ListeningClub.Bot.Tests.Hosting;

public sealed class LoggingTests
{
    /// <summary>
    /// A whole cycle (setup, nominations, voting, ballots, close with announcement and thread) with every log level on:
    /// the bot, granted only the invite URL's permissions, is never refused; the bot token appears in no log entry, no exception text and no scope; entries written while handling an
    /// interaction carry its id and guild, and the scheduled job's entries carry the track.
    /// </summary>
    [Fact]
    public async Task WholeCycle_NeverLogsTheToken_AndScopesCarryInteractionGuildAndTrack()
    {
        var sentinel = "SENTINEL" + Guid.NewGuid().ToString("N");
        var logs = new CapturedLogs();
        await using var bot = await RunningBot.StartAsync(new RunningBotSettings
        {
            Emulator = new EmulatorSettings { BotToken = sentinel, HeartbeatInterval = TimeSpan.FromSeconds(5) },

            // Exactly the permissions the README's invite URL asks for: the cycle needs no more.
            BotPermissions = InvitePermissions.InUrl,
            Args = ["--Logging:LogLevel:Default=Trace", "--Logging:LogLevel:System.Net.Http.HttpClient=Trace", "--Logging:LogLevel:Quartz=Trace"],
            Configure = builder =>
            {
                builder.Logging.ClearProviders();
                builder.Services.AddSingleton<ILoggerProvider>(logs);
            },
        });
        var members = bot.Members;

        await members.OpenFilmVoteAsync();
        foreach (var member in new[] { "ana", "ben", "cho" })
        {
            var (form, submit) = await members.PrepareBallotAsync(member);
            Assert.Contains("Your ballot", Content(await members.ComponentAsync(member, submit, form)), StringComparison.Ordinal);
        }

        Assert.Contains("Announced", Content(await members.CommandAsync("boss", "club", Sub("close-voting"))), StringComparison.Ordinal);
        await bot.Host.StopAsync();

        var requests = await bot.Control.RequestsAsync();
        Assert.Contains(requests, r => r.Method == "POST" && r.Path.EndsWith("/threads", StringComparison.Ordinal) && r.Status is >= 200 and < 300);
        Assert.DoesNotContain(requests, r => r.Status == 403);

        var entries = logs.Entries;
        Assert.True(entries.Count > 100, $"only {entries.Count} entries captured");
        Assert.Contains(entries, e => e.Level == LogLevel.Trace);
        Assert.All(entries, e => Assert.DoesNotContain(sentinel, e.Text, StringComparison.Ordinal));
        Assert.Contains(entries, e => e.ScopeProperties.ContainsKey("InteractionId") && e.ScopeProperties["GuildId"]?.ToString() == bot.Guild.GuildId);
        Assert.Contains(entries, e => e.ScopeProperties.ContainsKey("TrackId") && e.ScopeProperties["GuildId"]?.ToString() == bot.Guild.GuildId);
    }
}
