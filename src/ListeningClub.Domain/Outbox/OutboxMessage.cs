namespace ListeningClub.Domain.Outbox;

/// <summary>
/// A post the bot has decided to make, stored before it is sent. It is sent with its nonce (Discord refuses a second
/// message with the same nonce), then marked sent with the message id, so a crash at any point neither loses nor
/// doubles it.
/// </summary>
public sealed record OutboxMessage
{
    public const int MaxNonceLength = 25;

    public required Guid Id { get; init; }

    /// <summary>At most 25 characters (Discord's nonce limit); unique per intended post.</summary>
    public required string Nonce { get; init; }

    public required ulong GuildId { get; init; }

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
