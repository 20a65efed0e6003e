using System.Globalization;
using System.Text;
using ListeningClub.Bot.Features.Rendering;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Safety;
using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Bot.Features.Voting;

/// <summary>
/// The message that announces a pick: the winner with its nominator and pitch, how the count went (counts, IRV rounds
/// or Schulze's head-to-head wins), turnout, and the revealed seed with the commitment posted when voting opened.
/// </summary>
public static class ResultAnnouncement
{
    public static MessageCreateRequest Render(Track track, ElectionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(outcome);
        var names = outcome.Candidates.ToDictionary(n => n.CandidateId, n => Markdown.Text(n.Media.DisplayName, 80));
        var pick = outcome.Pick;

        var description = new StringBuilder();
        description.Append(CultureInfo.InvariantCulture, $"Nominated by {Markdown.Member(pick.NominatorId)}");
        if (pick.Pitch is { } pitch)
        {
            description.Append(CultureInfo.InvariantCulture, $"\n> {Markdown.Text(pitch, 500).ReplaceLineEndings("\n> ")}");
        }

        if (pick.Media.Link is { } link)
        {
            description.Append(CultureInfo.InvariantCulture, $"\n{link.AbsoluteUri}");
        }

        var fields = new List<EmbedField>
        {
            new() { Name = "How it was decided", Value = Explain(outcome.Tally, names) },
            new()
            {
                Name = "Turnout",
                Value = $"{Markdown.Count(outcome.Tally.BallotCount, "ballot", "ballots")} for {Markdown.Count(outcome.Candidates.Count, "nomination", "nominations")} · {MethodNames.Of(outcome.Tally.Method)}",
            },
            new() { Name = "Tie-break", Value = TieBreakLine(outcome, names) },
        };

        var embed = new Embed
        {
            Title = DiscordText.Truncate($"{Markdown.Emoji(pick.Media.Kind)} {Markdown.Text(track.Name)}: {Markdown.MediaName(pick.Media)}", DiscordLimits.EmbedTitle),
            Description = description.ToString(),
            Color = Palette.Pick,
            Fields = fields,
            Footer = new EmbedFooter { Text = $"Cycle {pick.CycleNumber} · ask /pick for the dates and the thread" },
            Timestamp = pick.AnnouncedAt,
        };

        return new MessageCreateRequest
        {
            Content = $"The votes are in! This cycle's pick for **{Markdown.Text(track.Name)}** is **{Markdown.MediaName(pick.Media)}**.",
            Embeds = [embed],
            AllowedMentions = AllowedMentions.None,
        };
    }

    /// <summary>The count in a few lines: what members need to see that the result is right.</summary>
    public static string Explain(TallyResult tally, IReadOnlyDictionary<string, string> names)
    {
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(names);
        string Name(string id) => names.TryGetValue(id, out var name) ? name : "(withdrawn)";
        if (tally.Explanation.NobodyVoted)
        {
            return $"Nobody voted, so the tie-break chose {Name(tally.Winner)}.";
        }

        var text = tally.Explanation switch
        {
            CountExplanation counts => Counts(tally, counts, Name),
            InstantRunoffExplanation irv => Rounds(irv, Name),
            SchulzeExplanation schulze => HeadToHead(tally, schulze, Name),
            _ => tally.Explanation.Summary,
        };
        return DiscordText.Truncate(text, DiscordLimits.EmbedFieldValue);
    }

    private static string Counts(TallyResult tally, CountExplanation counts, Func<string, string> name)
    {
        var unit = tally.Method == VotingMethod.Approval ? ("approval", "approvals") : ("vote", "votes");
        var byId = counts.Counts.ToDictionary(c => c.CandidateId, c => c.Count);
        return string.Join('\n', tally.Ranking.Select((id, place) =>
            $"{(place == 0 ? "🏆" : "▫️")} {name(id)}: **{Markdown.Count(byId.GetValueOrDefault(id), unit.Item1, unit.Item2)}**"));
    }

    private static string Rounds(InstantRunoffExplanation irv, Func<string, string> name)
    {
        var lines = new List<string>();
        foreach (var round in irv.Rounds)
        {
            var standings = string.Join(" · ", round.Counts.OrderByDescending(c => c.Count).Select(c => $"{name(c.CandidateId)} {c.Count}"));
            var verdict = round.Outcome == InstantRunoffOutcome.Elected
                ? $"**{name(round.Candidate)} wins** with {round.CandidateVotes} of {round.ContinuingBallots} ({Markdown.Percent(round.ShareOfContinuing)})"
                : $"{name(round.Candidate)} out" + Transfers(round, name);
            lines.Add($"**Round {round.Number}:** {standings} → {verdict}");
        }

        return string.Join('\n', lines);
    }

    private static string Transfers(InstantRunoffRound round, Func<string, string> name)
    {
        var moved = round.Transfers.Where(t => t.Count > 0).Select(t => $"+{t.Count} {name(t.CandidateId)}").ToList();
        if (round.ExhaustedByTransfer > 0)
        {
            moved.Add($"{round.ExhaustedByTransfer} exhausted");
        }

        return moved.Count == 0 ? "" : $"; their ballots went {string.Join(", ", moved)}";
    }

    private static string HeadToHead(TallyResult tally, SchulzeExplanation schulze, Func<string, string> name)
    {
        var lines = new List<string>();
        var wins = schulze.WinnerPairwiseWins;
        lines.Add(wins.Count == schulze.Candidates.Count - 1
            ? $"**{name(tally.Winner)}** beats every other nomination head to head:"
            : $"**{name(tally.Winner)}** has the strongest chain of head-to-head wins:");
        lines.AddRange(wins.Select(w => $"▫️ beats {name(w.Opponent)} {w.For}–{w.Against}"));
        if (tally.Ranking.Count > 1)
        {
            lines.Add("Final order: " + string.Join(" › ", tally.Ranking.Take(5).Select(name)) + (tally.Ranking.Count > 5 ? " › …" : ""));
        }

        return string.Join('\n', lines);
    }

    private static string TieBreakLine(ElectionOutcome outcome, IReadOnlyDictionary<string, string> names)
    {
        var pick = outcome.Pick;
        var proof = $"Seed `{pick.TieBreakSeedHex}` (its SHA-256 `{pick.TieBreakCommitment}` was posted when voting opened).";
        if (outcome.Tally.TieBreaks.Count == 0)
        {
            return $"No ties. {proof}";
        }

        var ties = outcome.Tally.TieBreaks.Select(t =>
            $"{t.Stage}: tie-break order {string.Join(" › ", t.Order.Select(id => names.GetValueOrDefault(id, "?")))} → " +
            $"{names.GetValueOrDefault(t.Chosen, "?")}{(t.Purpose == TieBreakPurpose.Elimination ? " out" : "")}");
        var text = $"{string.Join("\n", ties)}\nTie-break order sorts by HMAC-SHA256(seed, nomination id), lowest first. {proof}";
        return DiscordText.Truncate(text, DiscordLimits.EmbedFieldValue);
    }
}
