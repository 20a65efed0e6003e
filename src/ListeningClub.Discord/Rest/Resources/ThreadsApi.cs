using ListeningClub.Discord.Models;
using ListeningClub.Discord.Safety;
using ListeningClub.Discord.Serialization;

namespace ListeningClub.Discord.Rest.Resources;

internal sealed class ThreadsApi(DiscordRestClient rest) : IThreadsApi
{
    public Task<Channel> StartFromMessageAsync(ulong channelId, ulong messageId, StartThreadFromMessageRequest request, CancellationToken ct) =>
        rest.SendAsync(
            DiscordRoutes.Channel(HttpMethod.Post, "/channels/{channel_id}/messages/{message_id}/threads", channelId, DiscordRoutes.Path($"/channels/{channelId}/messages/{messageId}/threads")),
            request with { Name = DiscordText.Truncate(request.Name, DiscordLimits.ThreadName) },
            DiscordJsonContext.Default.StartThreadFromMessageRequest,
            DiscordJsonContext.Default.Channel,
            ct);

    public Task<Channel> StartWithoutMessageAsync(ulong channelId, StartThreadRequest request, CancellationToken ct) =>
        rest.SendAsync(
            DiscordRoutes.Channel(HttpMethod.Post, "/channels/{channel_id}/threads", channelId, DiscordRoutes.Path($"/channels/{channelId}/threads")),
            request with { Name = DiscordText.Truncate(request.Name, DiscordLimits.ThreadName), Type = request.Type ?? ChannelType.PublicThread },
            DiscordJsonContext.Default.StartThreadRequest,
            DiscordJsonContext.Default.Channel,
            ct);

    public Task<Channel> StartForumPostAsync(ulong forumChannelId, ForumPostRequest request, CancellationToken ct) =>
        StartForumPostAsync(forumChannelId, request, [], ct);

    public Task<Channel> StartForumPostAsync(ulong forumChannelId, ForumPostRequest request, IReadOnlyList<FileUpload> files, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(files);
        var route = DiscordRoutes.Channel(HttpMethod.Post, "/channels/{channel_id}/threads", forumChannelId, DiscordRoutes.Path($"/channels/{forumChannelId}/threads"));
        return files.Count == 0
            ? rest.SendAsync(route, MessageSafety.Prepare(request), DiscordJsonContext.Default.ForumPostRequest, DiscordJsonContext.Default.Channel, ct)
            : rest.SendWithFilesAsync(route, MessageSafety.Prepare(request with { Message = request.Message with { Attachments = MultipartBody.References(files) } }), DiscordJsonContext.Default.ForumPostRequest, files, DiscordJsonContext.Default.Channel, ct);
    }

    public Task JoinAsync(ulong threadId, CancellationToken ct) =>
        rest.SendAsync(DiscordRoutes.Channel(HttpMethod.Put, "/channels/{channel_id}/thread-members/@me", threadId, DiscordRoutes.Path($"/channels/{threadId}/thread-members/@me")), null, ct);
}
