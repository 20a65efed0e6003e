using System.Text;
using ListeningClub.Bot.Features.Rendering;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Safety;
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
            var line = $"{index + 1}. {Markdown.MediaName(nomination.Media, withLink: true)} — {Markdown.Member(nomination.MemberId)}\n";
            if (list.Length + line.Length > DiscordLimits.EmbedDescription - 40)
            {
                list.Append(System.Globalization.CultureInfo.InvariantCulture, $"…and {candidates.Count - index} more (see /nominations)");
                break;
            }

            list.Append(line);
        }

        var how = track.Rules.VotingMethod switch
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
                new EmbedField { Name = "How to vote", Value = $"Press **Vote** or use /vote. {how} You can change your ballot until voting closes. {closes}{MethodNames.Of(track.Rules.VotingMethod)}." },
                new EmbedField { Name = "Tie-break commitment", Value = $"`{cycle.TieBreakCommitment}`\nThe SHA-256 of a secret seed drawn now; the seed is revealed with the result so anyone can check any tie-break." },
            ],
            Footer = new EmbedFooter { Text = $"Cycle {cycle.Number}" },
        };

        return new MessageCreateRequest
        {
            Content = $"Voting is open for **{Markdown.Text(track.Name)}**!",
            Embeds = [embed],
            Components = [Component.ActionRow(Component.Button(ButtonStyle.Primary, BallotIds.Open(track.Id), "Vote"))],
            AllowedMentions = AllowedMentions.None,
        };
    }
}
