using System.Text.Json;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Rest;
using ListeningClub.Discord.Rest.Resources;
using ListeningClub.Discord.Safety;
using ListeningClub.Discord.Serialization;
using ListeningClub.Domain.Outbox;
using Microsoft.Extensions.Logging;

namespace ListeningClub.Bot.Features.Rhythm;

/// <summary>
/// Exactly-once posts: the intent is stored first (with a nonce), then sent with <c>enforce_nonce</c>, then marked
/// sent with the message id. A crash before the send posts it on the next attempt; a crash after the send but before
/// the mark sends again with the same nonce, which Discord answers with the message already created.
/// Forum posts have no nonce in Discord's API: a crash between creating one and marking it sent can repeat that one post.
/// </summary>
public sealed partial class OutboxSender(IOutboxRepository outbox, IChannelMessagesApi messages, IThreadsApi threads, TimeProvider time, ILogger<OutboxSender> logger)
{
    /// <summary>Discord's 50007 "Cannot send messages to this user" (direct messages closed to the bot).</summary>
    public const int CannotMessageUser = 50007;

    /// <summary>Discord's 10003 "Unknown Channel".</summary>
    public const int UnknownChannel = 10003;

    /// <summary>Stores the intent (once per kind and key) and sends it; the result says whether (and as which message) it went out.</summary>
    public Task<OutboxMessage> PostAsync(ulong guildId, ulong channelId, string kind, string intentKey, MessageCreateRequest message, CancellationToken cancellationToken) =>
        PostAsync(guildId, channelId, null, kind, intentKey, message, cancellationToken);

    /// <summary>The same as a new forum post titled <paramref name="postName"/>; the message id is the post's (thread's) id.</summary>
    public Task<OutboxMessage> PostToForumAsync(ulong guildId, ulong forumId, string postName, string kind, string intentKey, MessageCreateRequest message, CancellationToken cancellationToken) =>
        PostAsync(guildId, forumId, DiscordText.Truncate(postName, DiscordLimits.ThreadName), kind, intentKey, message, cancellationToken);

    private async Task<OutboxMessage> PostAsync(ulong guildId, ulong channelId, string? forumPostName, string kind, string intentKey, MessageCreateRequest message, CancellationToken cancellationToken)
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
            ForumPostName = forumPostName,
            CreatedAt = time.GetUtcNow(),
        };
        var stored = await outbox.AddOrGetAsync(intent, cancellationToken).ConfigureAwait(false);
        return stored.IsPending ? await SendAsync(stored, cancellationToken).ConfigureAwait(false) : stored;
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
            var postedId = stored.ForumPostName is { } name
                ? (await threads.StartForumPostAsync(stored.ChannelId, ForumPost(name, request), cancellationToken).ConfigureAwait(false)).Id
                : (await messages.CreateAsync(stored.ChannelId, request, cancellationToken).ConfigureAwait(false)).Id;
            var sent = attempt with { SentAt = time.GetUtcNow(), MessageId = postedId };
            await outbox.UpdateAsync(sent, cancellationToken).ConfigureAwait(false);
            return sent;
        }
        catch (DiscordRestException ex) when (ex.Failure == DiscordRestFailure.ErrorResponse && ex.Code is CannotMessageUser or UnknownChannel)
        {
            // Refused for good: the member does not take direct messages from the bot, or the channel was deleted.
            // Another attempt would be refused the same way and count against Discord's invalid-request limit.
            // (Missing access or permissions is not final: a server admin can fix it, and the next catch-up posts it.)
            LogAbandoned(logger, stored.Kind, stored.IntentKey, (int)ex.StatusCode!, ex.Code, ex.DiscordMessage);
            var abandoned = attempt with { AbandonedAt = time.GetUtcNow(), AbandonReason = $"{(int)ex.StatusCode!} {ex.Code}: {ex.DiscordMessage}" };
            await outbox.UpdateAsync(abandoned, cancellationToken).ConfigureAwait(false);
            return abandoned;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSendFailed(logger, ex, stored.Kind, stored.IntentKey, attempt.Attempts);
            await outbox.UpdateAsync(attempt, cancellationToken).ConfigureAwait(false);
            return attempt;
        }
    }

    private static ForumPostRequest ForumPost(string name, MessageCreateRequest message) => new()
    {
        Name = name,
        AutoArchiveDuration = 10080,
        Message = new ForumPostMessage { Content = message.Content, Embeds = message.Embeds, Components = message.Components, AllowedMentions = message.AllowedMentions },
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord refused {Kind} {IntentKey} for good ({Status}, code {Code}: {DiscordMessage}); it will not be retried")]
    private static partial void LogAbandoned(ILogger logger, string kind, string intentKey, int status, int code, string discordMessage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not post {Kind} {IntentKey} (attempt {Attempt}); it stays in the outbox and is retried")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string kind, string intentKey, int attempt);
}
