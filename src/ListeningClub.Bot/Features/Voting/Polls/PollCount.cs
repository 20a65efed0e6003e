using ListeningClub.Application.Nominations;
using ListeningClub.Application.Voting;
using ListeningClub.Discord.Rest;
using ListeningClub.Discord.Rest.Resources;
using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Outbox;
using Microsoft.Extensions.Logging;

namespace ListeningClub.Bot.Features.Voting.Polls;

/// <summary>
/// Before a poll vote is counted: end the poll (so nobody votes after the count) and make the ballots exactly the
/// poll's voters, as Discord lists them per answer. Votes cast while the bot was offline, or events that arrived out
/// of order, therefore count exactly as members left them.
/// </summary>
public sealed partial class PollCount(
    NominationService nominations,
    VotingService voting,
    IOutboxRepository outbox,
    IPollsApi polls,
    ILogger<PollCount> logger)
{
    private const int PageSize = 100;

    /// <summary>The sent voting post of a cycle whose vote is open (null before it is posted or once voting closed).</summary>
    public static async Task<OutboxMessage?> VotingPostAsync(Cycle cycle, IOutboxRepository outbox, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(outbox);
        return cycle.Phase == CyclePhase.Voting && await outbox.FindAsync("voting-opened", cycle.Id.ToString(), ct).ConfigureAwait(false) is { MessageId: not null } post
            ? post
            : null;
    }

    /// <summary>Ends the track's poll and brings its votes into the ballots; does nothing for a track not voting by poll.</summary>
    public async Task BeforeCloseAsync(Track track, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(track);
        if (!track.Rules.NativePoll)
        {
            return;
        }

        var (cycle, candidates) = await nominations.ListCurrentAsync(track, ct).ConfigureAwait(false);
        if (!NativePoll.Applies(track, candidates.Count) || await VotingPostAsync(cycle, outbox, ct).ConfigureAwait(false) is not { MessageId: { } messageId } post)
        {
            return;
        }

        try
        {
            await polls.EndPollAsync(post.ChannelId, messageId, ct).ConfigureAwait(false);
        }
        catch (DiscordRestException ex)
        {
            // Already ended (by its duration, or by an earlier attempt): its voters are still there to read.
            LogEndFailed(logger, ex, track.Id.ToString());
        }

        var answers = new Dictionary<ulong, List<int>>();
        for (var answer = 1; answer <= candidates.Count; answer++)
        {
            ulong? after = null;
            while (true)
            {
                var page = await polls.GetAnswerVotersAsync(post.ChannelId, messageId, answer, after, PageSize, ct).ConfigureAwait(false);
                foreach (var user in page.Users)
                {
                    (answers.TryGetValue(user.Id, out var list) ? list : answers[user.Id] = []).Add(answer);
                }

                if (page.Users.Count < PageSize)
                {
                    break;
                }

                after = page.Users[^1].Id;
            }
        }

        var counted = await voting.ReplaceWithPollVotesAsync(track, answers.ToDictionary(a => a.Key, a => (IReadOnlyList<int>)a.Value), ct).ConfigureAwait(false);
        LogCounted(logger, track.Id.ToString(), counted.IsSuccess ? counted.Value : 0);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Poll ended for track {TrackId}: {Ballots} ballots from its votes")]
    private static partial void LogCounted(ILogger logger, string trackId, int ballots);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not end the poll of track {TrackId}; counting its votes anyway")]
    private static partial void LogEndFailed(ILogger logger, Exception exception, string trackId);
}
