using ListeningClub.Discord.Models;

namespace ListeningClub.Discord.Rest.Resources;

/// <summary>Messages in a channel. Every payload gets <c>allowed_mentions: {parse: []}</c> unless set, and text cut to limits.</summary>
public interface IChannelMessagesApi
{
    /// <summary>Posts a message. Without a nonce the client adds one with <c>enforce_nonce</c>, so a retry never posts twice.</summary>
    Task<Message> CreateAsync(ulong channelId, MessageCreateRequest message, CancellationToken ct);

    /// <summary>As <see cref="CreateAsync(ulong, MessageCreateRequest, CancellationToken)"/>, with files (a multipart upload; none: plain JSON).</summary>
    Task<Message> CreateAsync(ulong channelId, MessageCreateRequest message, IReadOnlyList<FileUpload> files, CancellationToken ct);

    Task<Message> GetAsync(ulong channelId, ulong messageId, CancellationToken ct);

    /// <summary>Up to <paramref name="limit"/> (1–100) messages, newest first, optionally before/after a message id.</summary>
    Task<IReadOnlyList<Message>> ListAsync(ulong channelId, int limit, ulong? before, ulong? after, CancellationToken ct);

    Task<Message> EditAsync(ulong channelId, ulong messageId, MessageEditRequest edit, CancellationToken ct);

    Task DeleteAsync(ulong channelId, ulong messageId, CancellationToken ct);
}
