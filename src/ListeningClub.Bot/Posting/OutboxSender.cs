using System.Collections.Concurrent;
using System.Text.Json;
using ListeningClub.Application.Locks;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Rest;
using ListeningClub.Discord.Rest.Resources;
using ListeningClub.Discord.Safety;
using ListeningClub.Discord.Serialization;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Outbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ListeningClub.Bot.Posting;

/// <summary>
/// Exactly-once posts: the intent is stored first (with a nonce), then sent with <c>enforce_nonce</c>, then marked
/// sent with the message id. A crash before the send posts it on the next attempt; a crash after the send but before
/// the mark sends again with the same nonce, which Discord answers with the message already created.
/// Forum posts have no nonce in Discord's API: a crash between creating one and marking it sent can repeat that one post.
/// When several instances share the store, an attempt first claims the post in the store for <see cref="OutboxOptions.ClaimLease"/>
/// (<see cref="IOutboxRepository.TryClaimAsync"/>), so two instances never attempt one post at the same time; a claim
/// left by an instance that died mid-attempt expires, and another instance then sends the post, with the same nonce.
/// </summary>
/// <remarks>
/// Every attempt, whoever makes it (the first one when the post is decided, <see cref="OutboxDispatcher"/>'s
/// retries, the catch-up flush), goes through <see cref="SendAsync"/>, which lets one attempt per intent run at a
/// time and reads the intent again once it has the turn: two paths never post the same intent at once, and one that
/// comes second sees it sent. A failed attempt records when the next is due and wakes the dispatcher.
/// </remarks>
public sealed partial class OutboxSender(
    IOutboxRepository outbox,
    IChannelMessagesApi messages,
    IThreadsApi threads,
    PostAttachments attachments,
    OutboxWakeUp wakeUp,
    OutboxMetrics metrics,
    IClusterLocks cluster,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxSender> logger)
{
    /// <summary>Discord's 50007 "Cannot send messages to this user" (direct messages closed to the bot).</summary>
    public const int CannotMessageUser = 50007;

    /// <summary>Discord's 10003 "Unknown Channel".</summary>
    public const int UnknownChannel = 10003;

    private readonly ConcurrentDictionary<Guid, Task<OutboxAttempt>> _attempts = new();

    /// <summary>This process, as the holder of its claims.</summary>
    private readonly string _claimant = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Stores the intent (once per kind and key) and sends it; the result says whether (and as which message) it went out.</summary>
    public Task<OutboxMessage> PostAsync(TrackId? trackId, ulong guildId, ulong channelId, string kind, string intentKey, MessageCreateRequest message, CancellationToken cancellationToken) =>
        PostAsync(trackId, guildId, channelId, null, kind, intentKey, message, cancellationToken);

    /// <summary>The same as a new forum post titled <paramref name="postName"/>; the message id is the post's (thread's) id.</summary>
    public Task<OutboxMessage> PostToForumAsync(TrackId? trackId, ulong guildId, ulong forumId, string postName, string kind, string intentKey, MessageCreateRequest message, CancellationToken cancellationToken) =>
        PostAsync(trackId, guildId, forumId, DiscordText.Truncate(postName, DiscordLimits.ThreadName), kind, intentKey, message, cancellationToken);

    /// <summary>True while an attempt to send the intent is running.</summary>
    public bool IsSending(Guid id) => _attempts.ContainsKey(id);

    /// <summary>
    /// Makes one attempt to send the stored intent, unless it is sent or given up already, or (with
    /// <paramref name="whenDue"/>) its next attempt is not due yet; returns it as it is afterwards. When another attempt
    /// at the same intent is running, waits for that one instead.
    /// </summary>
    public async Task<OutboxMessage> SendAsync(Guid id, bool whenDue, CancellationToken cancellationToken) =>
        (await TrySendAsync(id, whenDue, cancellationToken).ConfigureAwait(false)).After;

    /// <summary>As <see cref="SendAsync"/>, also saying whether another instance sharing the store was attempting it (so none was made here).</summary>
    public async Task<OutboxAttempt> TrySendAsync(Guid id, bool whenDue, CancellationToken cancellationToken)
    {
        while (true)
        {
            var mine = new TaskCompletionSource<OutboxAttempt>(TaskCreationOptions.RunContinuationsAsynchronously);
            var running = _attempts.GetOrAdd(id, mine.Task);
            if (running != mine.Task)
            {
                try
                {
                    return await running.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    continue; // that attempt was cancelled or could not record its outcome: take the turn ourselves
                }
            }

            try
            {
                var after = await AttemptAsync(id, whenDue, cancellationToken).ConfigureAwait(false);
                mine.SetResult(after);
                if (after.After.IsPending)
                {
                    wakeUp.Signal(); // the dispatcher plans its next attempt
                }

                return after;
            }
            catch (OperationCanceledException)
            {
                mine.SetCanceled(CancellationToken.None);
                wakeUp.Signal(); // not tried to the end: the dispatcher takes it over
                throw;
            }
            catch (Exception ex)
            {
                mine.SetException(ex);
                _ = mine.Task.Exception; // observed: the caller gets it rethrown below
                wakeUp.Signal();
                throw;
            }
            finally
            {
                _attempts.TryRemove(new KeyValuePair<Guid, Task<OutboxAttempt>>(id, mine.Task));
            }
        }
    }

    private async Task<OutboxMessage> PostAsync(TrackId? trackId, ulong guildId, ulong channelId, string? forumPostName, string kind, string intentKey, MessageCreateRequest message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var id = Guid.NewGuid();
        var intent = new OutboxMessage
        {
            Id = id,
            Nonce = OutboxMessage.NonceFor(id),
            GuildId = guildId,
            TrackId = trackId,
            ChannelId = channelId,
            Kind = kind,
            IntentKey = intentKey,
            Payload = JsonSerializer.Serialize(message, DiscordJsonContext.Default.MessageCreateRequest),
            ForumPostName = forumPostName,
            CreatedAt = time.GetUtcNow(),
        };
        var stored = await outbox.AddOrGetAsync(intent, cancellationToken).ConfigureAwait(false);

        // Decided earlier and still waiting for its next attempt: deciding it again does not hurry it.
        return stored.IsPending ? await SendAsync(stored.Id, whenDue: true, cancellationToken).ConfigureAwait(false) : stored;
    }

    /// <summary>
    /// One attempt, with the intent's turn held: read it again (another attempt may have just sent it), claim it when
    /// instances share the store (another instance may be attempting it: then it is returned as it is), send it, record
    /// the outcome.
    /// </summary>
    private async Task<OutboxAttempt> AttemptAsync(Guid id, bool whenDue, CancellationToken cancellationToken)
    {
        var stored = await outbox.GetAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Outbox message {id} does not exist.");
        var now = time.GetUtcNow();
        if (!stored.IsPending || (whenDue && !stored.IsDueAt(now)))
        {
            return new(stored, ClaimedElsewhere: false);
        }

        if (cluster.IsShared)
        {
            if (await outbox.TryClaimAsync(id, _claimant, now, now + options.Value.ClaimLease, cancellationToken).ConfigureAwait(false) is not { } claimed)
            {
                return new(await outbox.GetAsync(id, cancellationToken).ConfigureAwait(false) ?? stored, ClaimedElsewhere: true);
            }

            stored = claimed;
        }

        var request = JsonSerializer.Deserialize(stored.Payload, DiscordJsonContext.Default.MessageCreateRequest)!
            with { Nonce = stored.Nonce, EnforceNonce = true };
        var (prepared, files) = await attachments.PrepareAsync(stored, request, cancellationToken).ConfigureAwait(false);
        ulong postedId;
        try
        {
            try
            {
                postedId = await CreateAsync(stored, prepared, files, cancellationToken).ConfigureAwait(false);
            }
            catch (DiscordRestException ex) when (files.Count > 0 && ex.Code == DiscordJsonErrorCodes.MissingPermissions)
            {
                // Most likely Attach Files, which servers that invited the bot before pictures did not grant: the post
                // goes out without its files (nothing was created, so the same nonce is free).
                LogPostedWithoutFiles(logger, stored.Kind, stored.IntentKey, ex.DiscordMessage);
                postedId = await CreateAsync(stored, PostAttachments.WithoutFiles(prepared), [], cancellationToken).ConfigureAwait(false);
            }
        }
        catch (DiscordRestException ex) when (ex.Failure == DiscordRestFailure.Unauthorized)
        {
            // The token is no longer valid and REST has stopped for good (the host stops with the reason): nothing
            // was attempted, so nothing is recorded; the post goes out after a restart with a valid token.
            return new(stored, ClaimedElsewhere: false);
        }
        catch (DiscordRestException ex) when (ex.Failure == DiscordRestFailure.ErrorResponse && ex.Code is CannotMessageUser or UnknownChannel)
        {
            // Refused for good: the member does not take direct messages from the bot, or the channel was deleted.
            // Another attempt would be refused the same way and count against Discord's invalid-request limit.
            // (Missing access or permissions is not final: a server admin can fix it, and a later attempt posts it.)
            LogAbandoned(logger, stored.Kind, stored.IntentKey, (int)ex.StatusCode!, ex.Code, ex.DiscordMessage);
            var abandoned = stored with { Attempts = stored.Attempts + 1, NextAttemptAt = null, AbandonedAt = time.GetUtcNow(), AbandonReason = $"{(int)ex.StatusCode!} {ex.Code}: {ex.DiscordMessage}" };
            await outbox.UpdateAsync(abandoned, CancellationToken.None).ConfigureAwait(false);
            metrics.Attempted(abandoned);
            return new(abandoned, ClaimedElsewhere: false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var failed = stored.FailedAttempt(time.GetUtcNow(), Random.Shared.NextDouble());
            LogSendFailed(logger, ex, stored.Kind, stored.IntentKey, failed.Attempts, failed.NextAttemptAt!.Value);
            await outbox.UpdateAsync(failed, CancellationToken.None).ConfigureAwait(false);
            metrics.Attempted(failed);
            return new(failed, ClaimedElsewhere: false);
        }

        // Discord has the post: record it even when shutting down, or the next start would post a forum post again.
        var sent = stored with { Attempts = stored.Attempts + 1, NextAttemptAt = null, SentAt = time.GetUtcNow(), MessageId = postedId };
        await outbox.UpdateAsync(sent, CancellationToken.None).ConfigureAwait(false);
        metrics.Attempted(sent);
        return new(sent, ClaimedElsewhere: false);
    }

    private async Task<ulong> CreateAsync(OutboxMessage stored, MessageCreateRequest request, IReadOnlyList<FileUpload> files, CancellationToken cancellationToken) =>
        stored.ForumPostName is { } name
            ? (await threads.StartForumPostAsync(stored.ChannelId, ForumPost(name, request), files, cancellationToken).ConfigureAwait(false)).Id
            : (await messages.CreateAsync(stored.ChannelId, request, files, cancellationToken).ConfigureAwait(false)).Id;

    private static ForumPostRequest ForumPost(string name, MessageCreateRequest message) => new()
    {
        Name = name,
        AutoArchiveDuration = 10080,
        Message = new ForumPostMessage { Content = message.Content, Embeds = message.Embeds, Components = message.Components, AllowedMentions = message.AllowedMentions },
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord refused the files of {Kind} {IntentKey} ({DiscordMessage}); posting it without them. Give the bot Attach Files to post pictures")]
    private static partial void LogPostedWithoutFiles(ILogger logger, string kind, string intentKey, string discordMessage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord refused {Kind} {IntentKey} for good ({Status}, code {Code}: {DiscordMessage}); it will not be retried")]
    private static partial void LogAbandoned(ILogger logger, string kind, string intentKey, int status, int code, string discordMessage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not post {Kind} {IntentKey} (attempt {Attempt}); it stays in the outbox and is retried at {NextAttemptAt:O}")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string kind, string intentKey, int attempt, DateTimeOffset nextAttemptAt);
}

/// <summary>What <see cref="OutboxSender.TrySendAsync"/> did: the post as it is afterwards, and whether another instance sharing the store held its claim.</summary>
public readonly record struct OutboxAttempt(OutboxMessage After, bool ClaimedElsewhere);
