using ListeningClub.Bot.Rendering.Charts;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Outbox;
using Microsoft.Extensions.Logging;

namespace ListeningClub.Bot.Posting;

/// <summary>
/// The files of a post, made when it is sent. The outbox stores only what to post (the payload names its files and
/// the embed shows one as <c>attachment://name</c>); the bytes are drawn again from the store at each attempt by the
/// kind's <see cref="IPostAttachments"/>, so the outbox stays small (no image bytes in the database) and a retry, even
/// after a restart, sends the same picture under the same nonce: Discord's <c>enforce_nonce</c> keeps it exactly once.
/// Drawing is time-boxed (<see cref="TimeBox"/>, on the thread pool, so synchronous rendering cannot hold the post up):
/// when it fails or takes too long the post goes out at once without its files (its text is complete on its own), and
/// one line is logged.
/// </summary>
public sealed partial class PostAttachments(IEnumerable<IPostAttachments> sources, TimeProvider time, ILogger<PostAttachments> logger)
{
    /// <summary>The longest a post waits for its files.</summary>
    public static readonly TimeSpan TimeBox = TimeSpan.FromSeconds(2);

    // One per kind; the last registered wins, as for any service.
    private readonly Dictionary<string, IPostAttachments> _sources = sources.GroupBy(s => s.Kind, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    /// <summary>The request to send and its files: as stored with the files drawn, or without the files (and the embed images showing them).</summary>
    public async Task<(MessageCreateRequest Request, IReadOnlyList<FileUpload> Files)> PrepareAsync(OutboxMessage post, MessageCreateRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Attachments is not { Count: > 0 } wanted)
        {
            return (request, []);
        }

        if (!_sources.TryGetValue(post.Kind, out var source))
        {
            LogWithout(logger, post.Kind, post.IntentKey, "nothing draws files for this kind");
            return (WithoutFiles(request), []);
        }

        var (files, failure) = await TimeBoxedDrawing.RunAsync(t => source.RenderAsync(post, wanted, t), TimeBox, time, ct).ConfigureAwait(false);
        if (failure is not null)
        {
            LogWithout(logger, post.Kind, post.IntentKey, failure);
            return (WithoutFiles(request), []);
        }

        var byName = files!.ToDictionary(f => f.FileName, StringComparer.Ordinal);
        if (wanted.FirstOrDefault(w => !byName.ContainsKey(w.Filename)) is { } missing)
        {
            LogWithout(logger, post.Kind, post.IntentKey, $"{missing.Filename} was not drawn");
            return (WithoutFiles(request), []);
        }

        // In the stored order, with the stored description (for screen readers) unless the file brings its own.
        return (request, [.. wanted.Select(w => byName[w.Filename] is var file && file.Description is null ? file with { Description = w.Description } : file)]);
    }

    /// <summary>The request without files: no attachments, and no embed image pointing at one.</summary>
    public static MessageCreateRequest WithoutFiles(MessageCreateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request with
        {
            Attachments = null,
            Embeds = request.Embeds?.Select(e => e.Image?.Url.StartsWith("attachment://", StringComparison.Ordinal) == true ? e with { Image = null } : e).ToList(),
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Posting {Kind} {IntentKey} without its picture: {Reason}")]
    private static partial void LogWithout(ILogger logger, string kind, string intentKey, string reason);
}
