using ListeningClub.Discord.Models;

namespace ListeningClub.Discord.Rest.Resources;

/// <summary>Native polls (created inside a message body).</summary>
public interface IPollsApi
{
    /// <summary>Ends a poll the bot created now; returns the updated message.</summary>
    Task<Message> EndPollAsync(ulong channelId, ulong messageId, CancellationToken ct);

    /// <summary>Voters for one answer, ascending by user id, paged with <paramref name="after"/>; <paramref name="limit"/> 1–100.</summary>
    Task<PollAnswerVoters> GetAnswerVotersAsync(ulong channelId, ulong messageId, int answerId, ulong? after, int limit, CancellationToken ct);
}
