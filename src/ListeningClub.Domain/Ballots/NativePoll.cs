using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Domain.Ballots;

/// <summary>
/// Voting with a Discord poll. A poll cannot change once posted, so its answers are the cycle's candidates in list
/// order when voting opens (answer 1 is the first), and while such a vote runs the list cannot change (no vetoes).
/// Poll votes arrive one answer at a time and may arrive out of order or not at all (while the bot is offline), so
/// at close the ballots are rebuilt from the poll's voters, which Discord keeps.
/// </summary>
public static class NativePoll
{
    /// <summary>Discord's most answers in one poll.</summary>
    public const int MaxAnswers = 10;

    /// <summary>
    /// Whether this track votes with a poll over these candidates. Not in a forum channel: Discord's forum posts cannot
    /// carry a poll, so a forum track keeps the ballot form.
    /// </summary>
    public static bool Applies(Track track, int candidates)
    {
        ArgumentNullException.ThrowIfNull(track);
        return track.Rules.NativePoll
            && track.Rules.VotingMethod is VotingMethod.Plurality or VotingMethod.Approval
            && track.ChannelKind != TrackChannelKind.Forum
            && candidates is >= 2 and <= MaxAnswers;
    }

    /// <summary>The nomination behind a poll answer id (1-based), or null for an answer that is not on the list.</summary>
    public static Nomination? Candidate(IReadOnlyList<Nomination> candidates, int answerId)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return answerId >= 1 && answerId <= candidates.Count ? candidates[answerId - 1] : null;
    }

    /// <summary>
    /// A member's choices after one poll vote was added or taken back. On a single-choice poll, changing one's vote
    /// is "take back the old, add the new"; if those arrive the other way round, the newest answer wins.
    /// </summary>
    public static IReadOnlyList<NominationId> Apply(Track track, IReadOnlyList<NominationId> choices, NominationId answer, bool added)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(choices);
        if (!added)
        {
            return choices.Where(c => c != answer).ToList();
        }

        return track.Rules.VotingMethod == VotingMethod.Plurality ? [answer] : [.. choices.Where(c => c != answer), answer];
    }
}
