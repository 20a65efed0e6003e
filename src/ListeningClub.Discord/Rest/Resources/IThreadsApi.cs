using ListeningClub.Discord.Models;

namespace ListeningClub.Discord.Rest.Resources;

/// <summary>Threads and forum posts.</summary>
public interface IThreadsApi
{
    /// <summary>A thread under a message (its id equals the message id); one per message (160004 otherwise).</summary>
    Task<Channel> StartFromMessageAsync(ulong channelId, ulong messageId, StartThreadFromMessageRequest request, CancellationToken ct);

    /// <summary>A thread without a message; public unless <see cref="StartThreadRequest.Type"/> says otherwise.</summary>
    Task<Channel> StartWithoutMessageAsync(ulong channelId, StartThreadRequest request, CancellationToken ct);

    /// <summary>A forum or media post; the result carries the starter message.</summary>
    Task<Channel> StartForumPostAsync(ulong forumChannelId, ForumPostRequest request, CancellationToken ct);

    /// <summary>As <see cref="StartForumPostAsync(ulong, ForumPostRequest, CancellationToken)"/>, with files on the starter message (multipart; none: plain JSON).</summary>
    Task<Channel> StartForumPostAsync(ulong forumChannelId, ForumPostRequest request, IReadOnlyList<FileUpload> files, CancellationToken ct);

    /// <summary>Adds the bot to a thread.</summary>
    Task JoinAsync(ulong threadId, CancellationToken ct);
}
