using ListeningClub.Discord.Models;
using ListeningClub.Discord.Serialization;

namespace ListeningClub.Discord.Rest.Resources;

internal sealed class PollsApi(DiscordRestClient rest) : IPollsApi
{
    public Task<Message> EndPollAsync(ulong channelId, ulong messageId, CancellationToken ct) =>
        rest.SendAsync(
            DiscordRoutes.Channel(HttpMethod.Post, "/channels/{channel_id}/polls/{message_id}/expire", channelId, DiscordRoutes.Path($"/channels/{channelId}/polls/{messageId}/expire")),
            DiscordJsonContext.Default.Message,
            ct);

    public Task<PollAnswerVoters> GetAnswerVotersAsync(ulong channelId, ulong messageId, int answerId, ulong? after, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 100);
        var path = after is { } a
            ? DiscordRoutes.Path($"/channels/{channelId}/polls/{messageId}/answers/{answerId}?limit={limit}&after={a}")
            : DiscordRoutes.Path($"/channels/{channelId}/polls/{messageId}/answers/{answerId}?limit={limit}");
        return rest.SendAsync(
            DiscordRoutes.Channel(HttpMethod.Get, "/channels/{channel_id}/polls/{message_id}/answers/{answer_id}", channelId, path),
            DiscordJsonContext.Default.PollAnswerVoters,
            ct);
    }
}
