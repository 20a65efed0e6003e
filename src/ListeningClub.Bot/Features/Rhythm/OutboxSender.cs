using System.Text.Json;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Rest.Resources;
using ListeningClub.Discord.Serialization;
using ListeningClub.Domain.Outbox;
using Microsoft.Extensions.Logging;

namespace ListeningClub.Bot.Features.Rhythm;

/// <summary>
/// Exactly-once posts: the intent is stored first (with a nonce), then sent with <c>enforce_nonce</c>, then marked
/// sent with the message id. A crash before the send posts it on the next attempt; a crash after the send but before
/// the mark sends again with the same nonce, which Discord answers with the message already created.
/// </summary>
public sealed partial class OutboxSender(IOutboxRepository outbox, IChannelMessagesApi messages, TimeProvider time, ILogger<OutboxSender> logger)
{
    /// <summary>Stores the intent (once per kind and key) and sends it; returns the posted message id, or null if sending failed for now.</summary>
    public async Task<OutboxMessage> PostAsync(ulong guildId, ulong channelId, string kind, string intentKey, MessageCreateRequest message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var id = Guid.NewGuid();
        var intent = new OutboxMessage
        {
            Id = id,
            Nonce = OutboxMessage.NonceFor(id),
            GuildId = guildId,
            ChannelId = channelId,
            Kind = kind,
            IntentKey = intentKey,
            Payload = JsonSerializer.Serialize(message, DiscordJsonContext.Default.MessageCreateRequest),
            CreatedAt = time.GetUtcNow(),
        };
        var stored = await outbox.AddOrGetAsync(intent, cancellationToken).ConfigureAwait(false);
        return stored.IsSent ? stored : await SendAsync(stored, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends every stored post not yet marked sent (after a restart), oldest first.</summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken)
    {
        var pending = await outbox.ListPendingAsync(cancellationToken).ConfigureAwait(false);
        foreach (var message in pending)
        {
            await SendAsync(message, cancellationToken).ConfigureAwait(false);
        }

        return pending.Count;
    }

    private async Task<OutboxMessage> SendAsync(OutboxMessage stored, CancellationToken cancellationToken)
    {
        var request = JsonSerializer.Deserialize(stored.Payload, DiscordJsonContext.Default.MessageCreateRequest)!
            with { Nonce = stored.Nonce, EnforceNonce = true };
        var attempt = stored with { Attempts = stored.Attempts + 1 };
        try
        {
            var posted = await messages.CreateAsync(stored.ChannelId, request, cancellationToken).ConfigureAwait(false);
            var sent = attempt with { SentAt = time.GetUtcNow(), MessageId = posted.Id };
            await outbox.UpdateAsync(sent, cancellationToken).ConfigureAwait(false);
            return sent;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSendFailed(logger, ex, stored.Kind, stored.IntentKey, attempt.Attempts);
            await outbox.UpdateAsync(attempt, cancellationToken).ConfigureAwait(false);
            return attempt;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not post {Kind} {IntentKey} (attempt {Attempt}); it stays in the outbox and is retried")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string kind, string intentKey, int attempt);
}
