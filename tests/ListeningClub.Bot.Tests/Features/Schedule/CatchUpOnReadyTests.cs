using System.Globalization;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Domain.Outbox;

namespace ListeningClub.Bot.Tests.Features.Schedule;

/// <summary>A new gateway session (READY) runs the catch-up pass: posts that could not go out are sent, once.</summary>
public sealed class CatchUpOnReadyTests
{
    [Fact]
    public async Task NewGatewaySession_SendsWhatTheOutboxStillHolds()
    {
        await using var bot = await RunningBot.StartAsync();
        var id = Guid.NewGuid();
        await bot.Get<IOutboxRepository>().AddOrGetAsync(new OutboxMessage
        {
            Id = id,
            Nonce = OutboxMessage.NonceFor(id),
            GuildId = ulong.Parse(bot.Guild.GuildId, CultureInfo.InvariantCulture),
            ChannelId = ulong.Parse(bot.Guild.Channels["film-night"], CultureInfo.InvariantCulture),
            Kind = "test",
            IntentKey = "while-discord-was-unreachable",
            Payload = """{"content":"decided while Discord was unreachable","allowed_mentions":{"parse":[]}}""",
            CreatedAt = DateTimeOffset.UnixEpoch,
        }, default);

        // Discord ends the session; the bot identifies again and gets a new READY.
        await bot.Control.GatewayFaultAsync(new GatewayFaultSpec("invalid_session", Resumable: false));

        await RunningBot.WaitUntilAsync(async () => (await bot.Get<IOutboxRepository>().ListPendingAsync(default)).Count == 0, "the outbox flushed after READY");
        Assert.Single(await bot.Control.MessagesAsync(bot.Guild.Channels["film-night"]), m => m.Content == "decided while Discord was unreachable");
    }
}
