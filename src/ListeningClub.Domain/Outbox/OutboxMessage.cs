using ListeningClub.Domain.Common;

namespace ListeningClub.Domain.Outbox;

/// <summary>
/// A post the bot has decided to make, stored before it is sent. It is sent with its nonce (Discord refuses a second
/// message with the same nonce), then marked sent with the message id, so a crash at any point neither loses nor
/// doubles it. A failed attempt is tried again after a capped, jittered exponential backoff (<see cref="RetryDelay"/>).
/// </summary>
public sealed record OutboxMessage
{
    public const int MaxNonceLength = 25;

    /// <summary>The wait after the first failed attempt; it doubles with each further failure.</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between two attempts.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(5);

    public required Guid Id { get; init; }

    /// <summary>At most 25 characters (Discord's nonce limit); unique per intended post.</summary>
    public required string Nonce { get; init; }

    public required ulong GuildId { get; init; }

    /// <summary>The track whose post it is; null for a post of no track (and for posts stored before tracks were recorded).</summary>
    public TrackId? TrackId { get; init; }

    public required ulong ChannelId { get; init; }

    /// <summary>What it is, e.g. "voting-opened" or "pick-announced"; used to find it again.</summary>
    public required string Kind { get; init; }

    /// <summary>The intent's own key (e.g. a cycle id plus step), unique together with <see cref="Kind"/>.</summary>
    public required string IntentKey { get; init; }

    /// <summary>The message body as the sender will post it (opaque to the domain).</summary>
    public required string Payload { get; init; }

    /// <summary>Set when the post is a new forum post in <see cref="ChannelId"/> (a forum channel), with this title.</summary>
    public string? ForumPostName { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public int Attempts { get; init; }

    /// <summary>When the next attempt is due, after a failed one; null while it has not failed (due at once).</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    public ulong? MessageId { get; init; }

    /// <summary>
    /// Set when Discord refused the post for good (the member blocks direct messages, the bot lost access to the
    /// channel, the channel is gone): it is not tried again. Retrying would only spend the invalid-request budget.
    /// </summary>
    public DateTimeOffset? AbandonedAt { get; init; }

    /// <summary>Why it was abandoned, as Discord said it.</summary>
    public string? AbandonReason { get; init; }

    public bool IsSent => SentAt is not null;

    /// <summary>Still to be sent: neither sent nor abandoned.</summary>
    public bool IsPending => SentAt is null && AbandonedAt is null;

    /// <summary>Pending, and its next attempt has come (or it has not been tried).</summary>
    public bool IsDueAt(DateTimeOffset now) => IsPending && (NextAttemptAt is not { } next || next <= now);

    /// <summary>One more failed attempt at <paramref name="now"/>: the next is due after <see cref="RetryDelay"/>.</summary>
    /// <param name="jitter">A random number in [0, 1) that spreads retries of many posts apart.</param>
    public OutboxMessage FailedAttempt(DateTimeOffset now, double jitter) =>
        this with { Attempts = Attempts + 1, NextAttemptAt = now + RetryDelay(Attempts + 1, jitter) };

    /// <summary>
    /// The wait after <paramref name="failedAttempts"/> failures: 2 s doubling up to 5 min, then shortened by up to a
    /// quarter by <paramref name="jitter"/> (in [0, 1)), so posts that failed together are not retried together and no
    /// wait is longer than <see cref="MaxRetryDelay"/>.
    /// </summary>
    public static TimeSpan RetryDelay(int failedAttempts, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(jitter);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(jitter, 1);
        var doublings = Math.Min(failedAttempts - 1, 30);
        var delay = Math.Min(MaxRetryDelay.TotalMilliseconds, FirstRetryDelay.TotalMilliseconds * Math.Pow(2, doublings));
        return TimeSpan.FromMilliseconds(delay * (1 - (0.25 * jitter)));
    }

    /// <summary>A nonce derived from the id: 25 characters of base-36, stable across retries.</summary>
    public static string NonceFor(Guid id)
    {
        var value = new System.Numerics.BigInteger(id.ToByteArray(), isUnsigned: true);
        Span<char> buffer = stackalloc char[MaxNonceLength];
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        for (var i = MaxNonceLength - 1; i >= 0; i--)
        {
            buffer[i] = digits[(int)(value % 36)];
            value /= 36;
        }

        return new string(buffer);
    }
}
