using System.Globalization;
using System.Text;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Safety;
using ListeningClub.Discord.Serialization;

namespace ListeningClub.Discord.Rest.Resources;

internal sealed class ChannelMessagesApi(DiscordRestClient rest) : IChannelMessagesApi
{
    private const string Messages = "/channels/{channel_id}/messages";
    private const string OneMessage = "/channels/{channel_id}/messages/{message_id}";

    public Task<Message> CreateAsync(ulong channelId, MessageCreateRequest message, CancellationToken ct) =>
        CreateAsync(channelId, message, [], ct);

    public Task<Message> CreateAsync(ulong channelId, MessageCreateRequest message, IReadOnlyList<FileUpload> files, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(files);
        var body = MessageSafety.Prepare(files.Count == 0 ? message : message with { Attachments = MultipartBody.References(files) });
        if (body.Nonce is null)
        {
            body = body with { Nonce = NewNonce(), EnforceNonce = true };
        }

        var route = DiscordRoutes.Channel(HttpMethod.Post, Messages, channelId, DiscordRoutes.Path($"/channels/{channelId}/messages"));
        return files.Count == 0
            ? rest.SendAsync(route, body, DiscordJsonContext.Default.MessageCreateRequest, DiscordJsonContext.Default.Message, ct)
            : rest.SendWithFilesAsync(route, body, DiscordJsonContext.Default.MessageCreateRequest, files, DiscordJsonContext.Default.Message, ct);
    }

    public Task<Message> GetAsync(ulong channelId, ulong messageId, CancellationToken ct) =>
        rest.SendAsync(DiscordRoutes.Channel(HttpMethod.Get, OneMessage, channelId, DiscordRoutes.Path($"/channels/{channelId}/messages/{messageId}")), DiscordJsonContext.Default.Message, ct);

    public async Task<IReadOnlyList<Message>> ListAsync(ulong channelId, int limit, ulong? before, ulong? after, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 100);
        var path = new StringBuilder(DiscordRoutes.Path($"/channels/{channelId}/messages?limit={limit}"));
        if (before is { } b)
        {
            path.Append(CultureInfo.InvariantCulture, $"&before={b}");
        }

        if (after is { } a)
        {
            path.Append(CultureInfo.InvariantCulture, $"&after={a}");
        }

        return await rest.SendAsync(DiscordRoutes.Channel(HttpMethod.Get, Messages, channelId, path.ToString()), DiscordJsonContext.Default.ListMessage, ct).ConfigureAwait(false);
    }

    public Task<Message> EditAsync(ulong channelId, ulong messageId, MessageEditRequest edit, CancellationToken ct) =>
        rest.SendAsync(
            DiscordRoutes.Channel(HttpMethod.Patch, OneMessage, channelId, DiscordRoutes.Path($"/channels/{channelId}/messages/{messageId}")),
            MessageSafety.Prepare(edit),
            DiscordJsonContext.Default.MessageEditRequest,
            DiscordJsonContext.Default.Message,
            ct);

    public Task DeleteAsync(ulong channelId, ulong messageId, CancellationToken ct) =>
        rest.SendAsync(DiscordRoutes.Channel(HttpMethod.Delete, OneMessage, channelId, DiscordRoutes.Path($"/channels/{channelId}/messages/{messageId}")), null, ct);

    /// <summary>A random decimal nonce (≤ 25 characters as Discord requires).</summary>
    internal static string NewNonce() => ((ulong)Random.Shared.NextInt64(1, long.MaxValue)).ToString(CultureInfo.InvariantCulture);
}
