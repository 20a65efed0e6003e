using System.Text;
using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Safety;
using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Bot.Features.Voting;

/// <summary>The message that opens voting: the candidates, when it closes, the tie-break commitment and a Vote button.</summary>
public static class VotingAnnouncement
{
    public static MessageCreateRequest Render(Track track, Cycle cycle, IReadOnlyList<Nomination> candidates)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(candidates);

        var list = new StringBuilder();
        foreach (var (nomination, index) in candidates.Select((n, i) => (n, i)))
        {
            var facts = MediaFacts.Line(nomination.Media) is { } known ? $" ({known})" : "";
            var line = $"{index + 1}. {Markdown.MediaName(nomination.Media, withLink: true)}{facts} — {Markdown.Member(nomination.MemberId)}\n";
            if (list.Length + line.Length > DiscordLimits.EmbedDescription - 40)
            {
                list.Append(System.Globalization.CultureInfo.InvariantCulture, $"…and {candidates.Count - index} more (see /nominations)");
                break;
            }

            list.Append(line);
        }

        var poll = NativePoll.Applies(track, candidates.Count);
        var how = poll ? (track.Rules.VotingMethod == VotingMethod.Approval ? "Choose every one you'd be happy with in the poll below." : "Choose one in the poll below.") : track.Rules.VotingMethod switch
        {
            VotingMethod.Plurality => "Choose one.",
            VotingMethod.Approval => "Choose every one you'd be happy with.",
            _ => $"Rank up to {Math.Min(track.Rules.BallotSize, candidates.Count)} in order of preference.",
        };
        var closes = cycle.VotingClosesAt is { } at ? $"Voting closes {Markdown.Time(at)} ({Markdown.Time(at, 'R')}). " : "";

        var embed = new Embed
        {
            Title = DiscordText.Truncate($"🗳️ Vote for the next {Markdown.Text(track.Name)} pick", DiscordLimits.EmbedTitle),
            Description = list.ToString(),
            Color = Palette.Voting,
            Fields =
            [
                new EmbedField { Name = "How to vote", Value = poll ? $"{how} You can change your vote until voting closes. {closes}{MethodNames.Of(track.Rules.VotingMethod)}." : $"Press **Vote** or use /vote. {how} You can change your ballot until voting closes. {closes}{MethodNames.Of(track.Rules.VotingMethod)}." },
                new EmbedField { Name = "Tie-break commitment", Value = $"`{cycle.TieBreakCommitment}`\nThe SHA-256 of a secret seed drawn now; the seed is revealed with the result so anyone can check any tie-break." },
            ],
            Footer = new EmbedFooter { Text = $"Cycle {cycle.Number}" },
        };

        return new MessageCreateRequest
        {
            Content = $"Voting is open for **{Markdown.Text(track.Name)}**!",
            Embeds = [embed],
            Components = poll ? [] : [Component.ActionRow(Component.Button(ButtonStyle.Primary, BallotIds.Open(track.Id), "Vote"))],
            Poll = poll ? Poll(track, cycle, candidates) : null,
            AllowedMentions = AllowedMentions.None,
        };
    }

    /// <summary>The poll: answer n is the n-th candidate (<see cref="NativePoll"/>); it runs until voting closes (Discord counts whole hours, 1 to 768).</summary>
    private static PollCreateRequest Poll(Track track, Cycle cycle, IReadOnlyList<Nomination> candidates)
    {
        var hours = cycle.VotingClosesAt is { } closes && cycle.VotingOpenedAt is { } opened ? (int)Math.Ceiling((closes - opened).TotalHours) : 24;
        return new PollCreateRequest
        {
            Question = new PollMedia { Text = DiscordText.Truncate($"Which should be the next {track.Name} pick?", DiscordLimits.PollQuestion) },
            Answers = candidates.Select(n => new PollAnswer { PollMedia = new PollMedia { Text = DiscordText.Truncate(n.Media.DisplayName, DiscordLimits.PollAnswer) } }).ToList(),
            Duration = Math.Clamp(hours, 1, 768),
            AllowMultiselect = track.Rules.VotingMethod == VotingMethod.Approval,
            LayoutType = 1,
        };
    }
}
