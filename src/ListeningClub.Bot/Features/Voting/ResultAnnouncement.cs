// Long on purpose: fitting the result, the count and the tie-breaks into Discord's embed limits is one budget, spent in one place.
using System.Globalization;
using System.Text;
using ListeningClub.Application.Voting;
using ListeningClub.Bot.Posting;
using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Safety;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Bot.Features.Voting;

/// <summary>The pick's announcement, and the full count as messages of their own when the announcement cannot hold it (else none).</summary>
public sealed record ResultMessages(MessageCreateRequest Announcement, IReadOnlyList<MessageCreateRequest> FullCount);

/// <summary>
/// The message that announces a pick: the winner with its nominator and pitch; the result (the final round, or the
/// count or head-to-head comparison that decided it, with the winner's margin); how the count went (counts, IRV
/// rounds or Schulze's head-to-head results); turnout; and the tie-breaks with the revealed seed, the commitment
/// posted when voting opened and how to check them. The result and the tie-breaks are never cut. The count is shown
/// whole when it fits, else one short line per round (as many as fit); then, and when a tie-break is too long to show
/// with its order, the full count follows in messages of its own, with every tied nomination's id and HMAC.
/// Every message stays within Discord's limits as rendered, so the client never has to cut it.
/// </summary>
public static class ResultAnnouncement
{
    /// <summary>The outbox kind of the full count's messages (the intent key is the cycle id, a colon and the part number).</summary>
    public const string FullCountKind = PostKinds.PickCount;

    private const string HowItWasDecided = "How it was decided";
    private const string TieBreak = "Tie-break";
    private const int NameLength = 80;
    private const int ShortNameLength = 40;
    private const int TieBreakFields = 3;

    public static ResultMessages Render(Track track, ElectionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(outcome);
        var names = new CandidateNames(outcome.Candidates);
        var pick = outcome.Pick;
        var tally = outcome.Tally;

        var title = DiscordText.Truncate($"{Markdown.Emoji(pick.Media.Kind)} {Markdown.Text(track.Name)}: {Markdown.MediaName(pick.Media)}", DiscordLimits.EmbedTitle);
        var description = Description(pick);
        var result = new EmbedField { Name = "Result", Value = Decision(tally, names) };
        var turnout = new EmbedField { Name = "Turnout", Value = Turnout(outcome) };
        var (ties, tiesWhole) = TieBreakSection(outcome, names);
        var fixedSize = title.Length + description.Length + EmbedText.Size(result) + EmbedText.Size(turnout) + ties.Sum(EmbedText.Size);
        var fieldsLeft = DiscordLimits.EmbedFields - 2 - ties.Count;

        // The whole count when it fits; else the short lines (as many as fit), and the full count in messages of its own.
        var plainFooter = $"Cycle {pick.CycleNumber} · ask /pick for the dates and the thread";
        var whole = EmbedText.Fields(HowItWasDecided, CountLines.Whole(tally, names, NameLength), fieldsLeft, DiscordLimits.EmbedTotal - fixedSize - plainFooter.Length);
        var followUps = whole is not null && tiesWhole ? [] : FullCount(track, outcome, names);
        var footer = followUps.Count == 0 ? plainFooter : $"Cycle {pick.CycleNumber} · {FollowsNote(followUps.Count)} · ask /pick for the dates and the thread";
        var room = DiscordLimits.EmbedTotal - fixedSize - footer.Length;
        var count = whole is not null && whole.Sum(EmbedText.Size) <= room ? whole : Partial(CountLines.Compact(tally, names, ShortNameLength), fieldsLeft, room);

        // The count's picture: drawn when the post is sent (ResultPictures), shown in the embed, described for screen readers.
        var picture = ResultPictures.Reference(outcome);
        var embed = new Embed
        {
            Title = title,
            Image = picture is null ? null : new EmbedMedia { Url = "attachment://" + picture.Filename },
            Description = description,
            Color = Palette.Pick,
            Fields = [result, .. count, turnout, .. ties],
            Footer = new EmbedFooter { Text = footer },
            Timestamp = pick.AnnouncedAt,
            Thumbnail = MediaFacts.Thumbnail(pick.Media),
        };
        var announcement = new MessageCreateRequest
        {
            Content = $"The votes are in! This cycle's pick for **{Markdown.Text(track.Name)}** is **{Markdown.MediaName(pick.Media)}**.",
            Embeds = [embed],
            AllowedMentions = AllowedMentions.None,
            Attachments = picture is null ? null : [picture],
        };
        return new ResultMessages(announcement, followUps);
    }

    private static string FollowsNote(int messages) =>
        messages == 1 ? "📊 the full count follows in the next message" : $"📊 the full count follows in the next {messages} messages";

    private static string Description(Pick pick)
    {
        var description = new StringBuilder();
        description.Append(CultureInfo.InvariantCulture, $"Nominated by {Markdown.Member(pick.NominatorId)}");
        if (MediaFacts.Line(pick.Media) is { } facts)
        {
            description.Append(" · ").Append(facts);
        }

        if (MediaFacts.Synopsis(pick.Media) is { } synopsis)
        {
            description.Append(CultureInfo.InvariantCulture, $"\n*{synopsis}*");
        }

        if (pick.Pitch is { } pitch)
        {
            description.Append(CultureInfo.InvariantCulture, $"\n> {Markdown.Text(pitch, 500).ReplaceLineEndings("\n> ")}");
        }

        if (pick.Media.Link is { } link)
        {
            description.Append(CultureInfo.InvariantCulture, $"\n{link.AbsoluteUri}");
        }

        return DiscordText.Truncate(description.ToString(), DiscordLimits.EmbedDescription);
    }

    private static string Turnout(ElectionOutcome outcome) =>
        $"{Markdown.Count(outcome.Tally.BallotCount, "ballot", "ballots")} for {Markdown.Count(outcome.Candidates.Count, "nomination", "nominations")} · {MethodNames.Of(outcome.Tally.Method)}";

    /// <summary>What decided the pick, with the winner's margin: a few lines, short enough never to be cut.</summary>
    private static string Decision(TallyResult tally, CandidateNames names)
    {
        var winner = names.Of(tally.Winner, NameLength);
        if (tally.Explanation.NobodyVoted)
        {
            return $"Nobody voted, so the tie-break chose **{winner}**.";
        }

        return tally.Explanation switch
        {
            CountExplanation counts => CountDecision(tally, counts, names),
            InstantRunoffExplanation irv => FinalRound(tally, irv, names),
            SchulzeExplanation schulze => HeadToHeadDecision(tally, schulze, names),
            _ => Markdown.Text(tally.Explanation.Summary, DiscordLimits.EmbedFieldValue),
        };
    }

    private static string CountDecision(TallyResult tally, CountExplanation counts, CandidateNames names)
    {
        var (one, many) = CountLines.Unit(tally.Method);
        var byId = counts.Counts.ToDictionary(c => c.CandidateId, c => c.Count);
        var votes = byId.GetValueOrDefault(tally.Winner);
        var winner = names.Of(tally.Winner, NameLength);
        var text = $"🏆 **{winner}** wins with **{Markdown.Count(votes, one, many)}** of {Markdown.Count(tally.BallotCount, "ballot", "ballots")}";
        return tally.Ranking.Count < 2
            ? text + ", the only nomination."
            : text + Margin(winner, votes, names.Of(tally.Ranking[1], NameLength), byId.GetValueOrDefault(tally.Ranking[1]));
    }

    private static string FinalRound(TallyResult tally, InstantRunoffExplanation irv, CandidateNames names)
    {
        var last = irv.Rounds[^1];
        var winner = names.Of(last.Candidate, NameLength);
        var text = new StringBuilder($"Final round (round {last.Number}): **{winner} wins** with {last.CandidateVotes} of {last.ContinuingBallots} ({Markdown.Percent(last.ShareOfContinuing)})");
        var place = tally.Ranking.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var runnerUp = last.Counts.Where(c => c.CandidateId != last.Candidate)
            .OrderByDescending(c => c.Count).ThenBy(c => place.GetValueOrDefault(c.CandidateId, int.MaxValue)).FirstOrDefault();
        text.Append(runnerUp is null ? ", the only nomination left." : Margin(winner, last.CandidateVotes, names.Of(runnerUp.CandidateId, NameLength), runnerUp.Count));
        if (last.ExhaustedBallots > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{Markdown.Count(last.ExhaustedBallots, "ballot", "ballots")} no longer counted: they ranked none of the nominations left.");
        }

        return text.ToString();
    }

    private static string HeadToHeadDecision(TallyResult tally, SchulzeExplanation schulze, CandidateNames names)
    {
        var winner = names.Of(tally.Winner, NameLength);
        if (tally.Ranking.Count < 2)
        {
            return $"**{winner}** was the only nomination.";
        }

        var wins = schulze.WinnerPairwiseWins;
        if (wins.Count == schulze.Candidates.Count - 1)
        {
            var closest = wins.MinBy(w => w.For - w.Against)!;
            return $"**{winner}** beats every other nomination head to head; the closest: {names.Of(closest.Opponent, NameLength)} {closest.For}–{closest.Against}, a margin of {closest.For - closest.Against}.";
        }

        var second = tally.Ranking[1];
        var (path, back) = (schulze.StrongestPaths[tally.Winner, second], schulze.StrongestPaths[second, tally.Winner]);
        return $"**{winner}** has the strongest chain of head-to-head wins: against the runner-up, {names.Of(second, NameLength)}, its strongest path is {path} to {back}" +
            (path == back ? $", a tie the tie-break gave to {winner} (below)." : $", a margin of {path - back}.");
    }

    private static string Margin(string winner, int votes, string runnerUp, int runnerUpVotes) => votes == runnerUpVotes
        ? $", tied with {runnerUp} on {runnerUpVotes}: the tie-break chose {winner} (below)."
        : $", ahead of {runnerUp} with {runnerUpVotes}: a margin of {votes - runnerUpVotes}.";

    /// <summary>As many of the short lines as fit, then how many more there are in the full count.</summary>
    private static IReadOnlyList<EmbedField> Partial(List<string> lines, int maxFields, int room)
    {
        for (var shown = lines.Count; shown >= 0; shown--)
        {
            var more = lines.Count - shown;
            IReadOnlyList<string> candidate = more == 0 ? lines : [.. lines.Take(shown), $"… and {Markdown.Count(more, "more line", "more lines")} in the full count below."];
            if (EmbedText.Fields(HowItWasDecided, candidate, maxFields, room) is { } fields)
            {
                return fields;
            }
        }

        return [];
    }

    /// <summary>
    /// Every tie and who it went to, the rule, and the seed with its commitment. Each tie is shown with its tie-break
    /// order and the tied nominations' ids when that fits; otherwise the ties that decided the pick (for the win, or for
    /// going out of an instant-runoff round) are shown as who they went to, and the full count has the rest.
    /// </summary>
    private static (IReadOnlyList<EmbedField> Fields, bool Whole) TieBreakSection(ElectionOutcome outcome, CandidateNames names)
    {
        var proof = Proof(outcome.Pick);
        var ties = outcome.Tally.TieBreaks;
        if (ties.Count == 0)
        {
            return ([new EmbedField { Name = TieBreak, Value = $"No ties. {proof}" }], true);
        }

        const string Rule = "Anyone can check a tie: order the tied nominations by HMAC-SHA256(key: the seed, message: the nomination id), lowest first; the first wins the tie, the last goes out of an instant-runoff round.";
        List<string> detailed = [.. ties.Select(t => Tie(t, id => $"{names.Of(id, ShortNameLength)} `{id}`", names)), Rule, proof];
        if (EmbedText.Fields(TieBreak, detailed, TieBreakFields, TieBreakFields * DiscordLimits.EmbedFieldValue) is { } whole)
        {
            return (whole, true);
        }

        var places = ties.Count(t => t.Purpose == TieBreakPurpose.Place);
        List<string> deciding =
        [
            .. ties.Where(t => t.Purpose != TieBreakPurpose.Place).Select(t => $"{t.Stage}: {t.Tied.Count} tied → {Chosen(t, names)}"),
            .. places == 0 ? Array.Empty<string>() : [$"{Markdown.Count(places, "tie", "ties")} for lower places: in the full count."],
            Rule + " The full count lists each tie's order with every tied nomination's id and HMAC.",
            proof,
        ];
        return (EmbedText.Fields(TieBreak, deciding, DiscordLimits.EmbedFields - 3, DiscordLimits.EmbedTotal / 2)
            ?? [new EmbedField { Name = TieBreak, Value = $"{Markdown.Count(ties.Count, "tie was", "ties were")} broken: each one, with its order and every tied nomination's id and HMAC, is in the full count. {proof}" }], false);
    }

    private static string Tie(TieBreakRecord tie, Func<string, string> entry, CandidateNames names) =>
        $"{tie.Stage}: tie-break order {string.Join(" › ", tie.Order.Select(entry))} → {Chosen(tie, names)}";

    /// <summary>Who the tie went to: "Alien" for a win or a place, "Alien out" for an instant-runoff elimination.</summary>
    private static string Chosen(TieBreakRecord tie, CandidateNames names) =>
        names.Of(tie.Chosen, ShortNameLength) + (tie.Purpose == TieBreakPurpose.Elimination ? " out" : "");

    private static string Proof(Pick pick) =>
        $"Seed `{pick.TieBreakSeedHex}` (its SHA-256 `{pick.TieBreakCommitment}` was posted when voting opened).";

    /// <summary>The whole count, every tie-break with each tied nomination's id and HMAC, and how to check them: one embed per message.</summary>
    private static IReadOnlyList<MessageCreateRequest> FullCount(Track track, ElectionOutcome outcome, CandidateNames names)
    {
        var tally = outcome.Tally;
        var pick = outcome.Pick;
        var lines = new List<string> { $"{Turnout(outcome)}." };
        lines.AddRange(tally.Explanation.NobodyVoted ? [Decision(tally, names)] : CountLines.Whole(tally, names, ShortNameLength));
        if (tally.TieBreaks.Count > 0)
        {
            var tieBreaker = new TieBreaker(TieBreakSeed.FromHex(pick.TieBreakSeedHex));
            lines.Add("");
            lines.Add("**Tie-breaks**: each one's tied nominations in tie-break order, with their ids and their HMAC-SHA256 under the seed.");
            foreach (var tie in tally.TieBreaks)
            {
                lines.Add($"{tie.Stage} → {Chosen(tie, names)}:");
                lines.AddRange(tie.Order.Select(id => $"▫️ {names.Of(id, ShortNameLength)} · `{id}` · `{tieBreaker.ComputeKeyHex(id)}`"));
            }

            lines.Add($"To check one: `printf '%s' ID | openssl dgst -sha256 -mac HMAC -macopt hexkey:{pick.TieBreakSeedHex}`");
        }

        lines.Add(Proof(pick));
        var chunks = EmbedText.Chunks(lines, DiscordLimits.EmbedDescription);
        var title = DiscordText.Truncate($"📊 {Markdown.Text(track.Name)}: the full count for {Markdown.MediaName(pick.Media)}", DiscordLimits.EmbedTitle);
        return
        [
            .. chunks.Select((chunk, i) => new MessageCreateRequest
            {
                Embeds =
                [
                    new Embed
                    {
                        Title = title,
                        Description = chunk,
                        Color = Palette.Pick,
                        Footer = chunks.Count == 1 ? null : new EmbedFooter { Text = $"Part {i + 1} of {chunks.Count}" },
                    },
                ],
                AllowedMentions = AllowedMentions.None,
            }),
        ];
    }
}
