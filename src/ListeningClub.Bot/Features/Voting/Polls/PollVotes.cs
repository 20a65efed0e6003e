using System.Text.Json;
using ListeningClub.Application.Clubs;
using ListeningClub.Application.Cycles;
using ListeningClub.Application.Voting;
using ListeningClub.Discord.Gateway;
using ListeningClub.Discord.Serialization;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Outbox;

namespace ListeningClub.Bot.Features.Voting.Polls;

/// <summary>
/// Poll votes as they happen (MESSAGE_POLL_VOTE_ADD / _REMOVE on the track's voting post): the member's ballot
/// follows at once, so turnout and /ballot are live. The count itself does not depend on these events: before
/// voting closes the ballots are rebuilt from the poll (<see cref="PollCount"/>).
/// </summary>
public sealed class PollVotes(ClubService clubs, ICycleRepository cycles, IOutboxRepository outbox, VotingService voting, BallotMetrics metrics, TimeProvider time) : IGatewayDispatchHandler
{
    public bool Wants(string eventName) => eventName is "MESSAGE_POLL_VOTE_ADD" or "MESSAGE_POLL_VOTE_REMOVE";

    public async Task HandleAsync(GatewayDispatch dispatch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        var vote = dispatch.Data.Deserialize(DiscordJsonContext.Default.PollVoteEvent) ?? throw new JsonException($"{dispatch.Name} without a vote.");
        if (vote.GuildId is not { } guildId || await clubs.GetAsync(guildId, ct).ConfigureAwait(false) is not { } club)
        {
            return;
        }

        foreach (var track in club.Tracks.Where(t => t.Rules.NativePoll))
        {
            var cycle = await cycles.CurrentAsync(track, time, ct).ConfigureAwait(false);
            if (await PollCount.VotingPostAsync(cycle, outbox, ct).ConfigureAwait(false) is { } post && post.MessageId == vote.MessageId)
            {
                var applied = await voting.ApplyPollVoteAsync(track, vote.UserId, vote.AnswerId, dispatch.Name == "MESSAGE_POLL_VOTE_ADD", ct).ConfigureAwait(false);
                if (applied.IsSuccess && applied.Value is not null)
                {
                    metrics.Cast("poll", track.Rules.VotingMethod);
                }

                return;
            }
        }
    }
}
