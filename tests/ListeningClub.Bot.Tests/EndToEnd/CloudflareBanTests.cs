using System.Globalization;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Discord.Interactions;
using static ListeningClub.Discord.Emulator.Control.Slash;

namespace ListeningClub.Bot.Tests.EndToEnd;

/// <summary>Cloudflare blocking the bot's channel messages: members are still answered in time, and the bot stops knocking.</summary>
public sealed class CloudflareBanTests
{
    [Fact]
    public async Task CloudflareBanOnChannelMessages_SlashCommandsAreAnsweredWithinTheDeadline_BotRequestsFailFast()
    {
        await using var bot = await RunningBot.StartAsync();
        await bot.Members.OpenFilmVoteAsync();
        var role = bot.Guild.Roles["Club Manager"];
        Assert.Contains("now ping", Content(await bot.CommandAsync("boss", "club", Sub("reminder-role", ("role", role)))), StringComparison.Ordinal);
        var before = (await bot.Control.RequestsAsync()).Max(r => r.Seq);
        await bot.Control.RestFaultAsync(new RestFaultSpec("/channels/", 429, Count: 1000, RetryAfter: 600, Cloudflare: true));

        // The close's announcement meets the ban (and opens the breaker); the manager and the members are answered all the same.
        var close = await bot.CommandAsync("boss", "club", Sub("close-voting"));
        var help = await bot.CommandAsync("ana", "help");
        var nominate = await bot.CommandAsync("cho", "nominate", Sub("film", ("title", "Brazil")));
        var remind = await bot.CommandAsync("ana", "remind", Sub("on"));

        foreach (var answered in new[] { close, help, nominate, remind })
        {
            Assert.False(answered.DeadlineMissed);
            Assert.InRange(answered.AcknowledgedAfterMs!.Value, 0, 3000);
        }

        Assert.Contains("/nominate film", Content(help), StringComparison.Ordinal);
        Assert.Contains("already announced", Content(nominate), StringComparison.Ordinal);

        // /remind needs a bot request (the member's role): it fails fast, and the member is told why.
        Assert.Equal(InteractionRouter.RefusedByDiscord, Content(remind));
        var ana = bot.Emulator.Core.State.Guilds[bot.GuildId].Members[ulong.Parse(bot.Guild.Users["ana"], CultureInfo.InvariantCulture)];
        Assert.DoesNotContain(ulong.Parse(role, CultureInfo.InvariantCulture), ana.RoleIds);

        // Discord saw one request on the banned route, then only the interactions' own (callbacks, follow-ups, edits).
        var requests = await bot.Control.RequestsAsync(before);
        var banned = Assert.Single(requests, r => r.Path.StartsWith("/api/v10/channels/", StringComparison.Ordinal));
        Assert.Equal(429, banned.Status);
        Assert.All(
            requests.Where(r => r.Seq > banned.Seq),
            r => Assert.Matches("^/api/v10/(interactions|webhooks)/", r.Path));
        Assert.All(requests.Where(r => r.Seq > banned.Seq), r => Assert.InRange(r.Status, 200, 299));
    }
}
