using ListeningClub.Discord.Models;
using ListeningClub.Domain.Outbox;

namespace ListeningClub.Bot.Posting;

/// <summary>
/// Draws the files a stored post names in its <see cref="MessageCreateRequest.Attachments"/> (e.g. the result picture
/// of a pick announcement), from the store, when the post is sent. A feature registers one per outbox kind.
/// </summary>
public interface IPostAttachments
{
    /// <summary>The outbox kind (<see cref="PostKinds"/>) whose posts this draws files for.</summary>
    string Kind { get; }

    /// <summary>The files named by <paramref name="wanted"/>, by file name. May be slow or fail: the sender time-boxes it and posts without them then.</summary>
    Task<IReadOnlyList<FileUpload>> RenderAsync(OutboxMessage post, IReadOnlyList<AttachmentReference> wanted, CancellationToken ct);
}
