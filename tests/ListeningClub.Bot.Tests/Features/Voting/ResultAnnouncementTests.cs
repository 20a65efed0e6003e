using CsCheck;
using ListeningClub.Application.Voting;
using ListeningClub.Bot.Features.Voting;
using ListeningClub.Bot.Rendering;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Bot.Tests.Features.Voting;

public sealed class ResultAnnouncementTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 6, 17, 0, 0, TimeSpan.Zero);
    private static readonly TieBreakSeed Seed = TieBreakSeed.FromHex(new string('7', 64));
    private static readonly string[] Tennessee = ["Memphis", "Nashville", "Chattanooga", "Knoxville"];

    [Fact]
    public void InstantRunoff_ShowsEveryRoundWithEliminationsAndTransfers_AndTheFinalRoundWithItsMargin()
    {
        var (messages, _, _) = Announce(VotingMethod.InstantRunoff, Tennessee, TennesseeBallots());
        var message = messages.Announcement;
        var text = Text(message);

        Assert.Equal("Final round (round 3): **Knoxville wins** with 58 of 100 (58%), ahead of Memphis with 42: a margin of 16.", Field(message, "Result"));
        Assert.Contains("**Round 1:** Memphis 42 · Nashville 26 · Knoxville 17 · Chattanooga 15 → Chattanooga out; their ballots went +15 Knoxville", text, StringComparison.Ordinal);
        Assert.Contains("The votes are in! This cycle's pick for **Film Night** is **Knoxville**.", message.Content, StringComparison.Ordinal);
        Assert.Contains("100 ballots for 4 nominations", text, StringComparison.Ordinal);
        Assert.Equal(AllowedMentions.None, message.AllowedMentions);
        Assert.Empty(messages.FullCount);
    }

    [Fact]
    public void Schulze_ShowsTheWinnersHeadToHeadResults_AndTheClosestWin()
    {
        var (messages, _, _) = Announce(VotingMethod.Schulze, Tennessee, TennesseeBallots());

        Assert.Equal("**Nashville** beats every other nomination head to head; the closest: Memphis 58–42, a margin of 16.", Field(messages.Announcement, "Result"));
        Assert.Contains("**Nashville** beats every other nomination head to head:\n▫️ beats Memphis 58–42", Text(messages.Announcement), StringComparison.Ordinal);
        Assert.Empty(messages.FullCount);
    }

    [Fact]
    public void Plurality_ShowsCountsWinnerFirst_AndTheMargin()
    {
        var (messages, _, _) = Announce(VotingMethod.Plurality, Tennessee, TennesseeBallots());

        Assert.Equal("🏆 **Memphis** wins with **42 votes** of 100 ballots, ahead of Nashville with 26: a margin of 16.", Field(messages.Announcement, "Result"));
        Assert.Contains("🏆 Memphis: **42 votes**\n▫️ Nashville: **26 votes**", Text(messages.Announcement), StringComparison.Ordinal);
    }

    [Fact]
    public void ForcedTie_ShowsTheTieWithTheTiedNominationIds_TheRuleAndTheSeedWithItsCommitment()
    {
        var (messages, tally, nominations) = Announce(VotingMethod.Plurality, Tennessee, [[0], [1]]);
        var tieBreak = Field(messages.Announcement, "Tie-break");
        var (memphis, nashville) = (nominations[0].CandidateId, nominations[1].CandidateId);
        var winner = tally.Winner == memphis ? "Memphis" : "Nashville";

        Assert.Contains($"tied with {(winner == "Memphis" ? "Nashville" : "Memphis")} on 1: the tie-break chose {winner} (below).", Field(messages.Announcement, "Result"), StringComparison.Ordinal);
        Assert.Contains("Plurality: tie for first place: tie-break order ", tieBreak, StringComparison.Ordinal);
        Assert.Contains($"Memphis `{memphis}`", tieBreak, StringComparison.Ordinal);
        Assert.Contains($"Nashville `{nashville}`", tieBreak, StringComparison.Ordinal);
        Assert.Contains($"→ {winner}\n", tieBreak, StringComparison.Ordinal);
        Assert.Contains("HMAC-SHA256(key: the seed, message: the nomination id), lowest first", tieBreak, StringComparison.Ordinal);
        Assert.Contains($"Seed `{Seed.ToHex()}`", tieBreak, StringComparison.Ordinal);
        Assert.Contains(Seed.Commitment, tieBreak, StringComparison.Ordinal);
        Assert.DoesNotContain("No ties", Text(messages.Announcement), StringComparison.Ordinal);
    }

    [Fact]
    public void UserText_IsEscapedAndCannotPing()
    {
        var (messages, _, _) = Announce(VotingMethod.Plurality, ["**@everyone** <@&1>", "Nashville"], [[0]]);
        var text = Text(messages.Announcement);
        Assert.DoesNotContain("**@everyone**", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<@&1>", text, StringComparison.Ordinal);
        Assert.Equal(AllowedMentions.None, messages.Announcement.AllowedMentions);
    }

    [Fact]
    public void InstantRunoff_TwentyLongTitles_NineteenRounds_KeepsTheFinalRoundMarginAndTieBreaksWhole_AndTheFullCountFollows()
    {
        var titles = LongTitles(20);
        var (messages, tally, nominations) = Announce(VotingMethod.InstantRunoff, titles, ChainBallots(20), pitch: new string('p', 500), link: "https://example.com/" + new string('l', 480));
        var rounds = ((InstantRunoffExplanation)tally.Explanation).Rounds;
        var last = rounds[^1];
        var runnerUp = last.Counts.Where(c => c.CandidateId != tally.Winner).MaxBy(c => c.Count)!;
        Assert.Equal(19, rounds.Count);

        AssertWithinLimits(messages);
        var result = Field(messages.Announcement, "Result");
        Assert.StartsWith($"Final round (round 19): **{Name(nominations, tally.Winner, 80)} wins** with {last.CandidateVotes} of {last.ContinuingBallots} (", result, StringComparison.Ordinal);
        Assert.Contains($"ahead of {Name(nominations, runnerUp.CandidateId, 80)} with {runnerUp.Count}: a margin of {last.CandidateVotes - runnerUp.Count}.", result, StringComparison.Ordinal);
        AssertTieBreaksShown(messages.Announcement, tally, nominations);

        // Every round reaches Discord: in the announcement, or whole in the full count that follows it.
        Assert.NotEmpty(messages.FullCount);
        Assert.Contains($"the full count follows in the next {Count(messages.FullCount.Count)}", messages.Announcement.Embeds![0].Footer!.Text, StringComparison.Ordinal);
        var fullCount = string.Join("\n", messages.FullCount.Select(m => m.Embeds![0].Description));
        Assert.All(rounds, r => Assert.Contains($"**Round {r.Number}:** ", fullCount, StringComparison.Ordinal));
        Assert.All(rounds.SkipLast(1), r => Assert.Contains($"→ {Name(nominations, r.Candidate, 40)} out", fullCount, StringComparison.Ordinal));
        Assert.Contains($"**{Name(nominations, tally.Winner, 40)} wins** with {last.CandidateVotes} of {last.ContinuingBallots}", fullCount, StringComparison.Ordinal);
    }

    [Fact]
    public void Schulze_TwentyLongTitles_KeepsTheDecidingComparisonWhole_AndEveryHeadToHeadResultReachesTheFullCount()
    {
        var titles = LongTitles(20);
        var forward = Enumerable.Range(0, 20).ToArray();
        int[][] ballots = [.. Enumerable.Repeat(forward, 21), .. Enumerable.Repeat(forward.Reverse().ToArray(), 20)];
        var (messages, tally, nominations) = Announce(VotingMethod.Schulze, titles, ballots);

        AssertWithinLimits(messages);
        Assert.Equal(nominations[0].CandidateId, tally.Winner);
        Assert.Equal($"**{Name(nominations, tally.Winner, 80)}** beats every other nomination head to head; the closest: {Name(nominations, nominations[1].CandidateId, 80)} 21–20, a margin of 1.", Field(messages.Announcement, "Result"));
        AssertTieBreaksShown(messages.Announcement, tally, nominations);
        var fullCount = string.Join("\n", messages.FullCount.Select(m => m.Embeds![0].Description));
        Assert.All(nominations.Skip(1), n => Assert.Contains($"▫️ beats {Name(nominations, n.CandidateId, 40)} 21–20", fullCount, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(VotingMethod.Plurality)]
    [InlineData(VotingMethod.Approval)]
    public void PluralityAndApproval_TwentyFiveLongTitles_KeepTheWinnerAndMarginWhole_AndEveryCountReachesDiscord(VotingMethod method)
    {
        var titles = LongTitles(25);
        var ballots = Enumerable.Range(0, 25).SelectMany(i => Enumerable.Repeat(new[] { i, (i + 7) % 25 }, i + 1)).ToList();
        var (messages, tally, nominations) = Announce(method, titles, ballots);

        AssertWithinLimits(messages);
        var unit = method == VotingMethod.Approval ? "approvals" : "votes";
        var votes = method == VotingMethod.Approval ? 25 + 18 : 25;
        Assert.StartsWith($"🏆 **{Name(nominations, tally.Winner, 80)}** wins with **{votes} {unit}** of {ballots.Count} ballots, ahead of ", Field(messages.Announcement, "Result"), StringComparison.Ordinal);
        Assert.Contains(": a margin of ", Field(messages.Announcement, "Result"), StringComparison.Ordinal);
        var everything = Text(messages.Announcement) + string.Join("\n", messages.FullCount.Select(m => m.Embeds![0].Description));
        Assert.All(nominations, n => Assert.Contains(Name(nominations, n.CandidateId, 40).TrimEnd('…'), everything, StringComparison.Ordinal));
    }

    [Fact]
    public void NobodyVoted_TwentyCandidates_TheTieBreakNamesTheChoice_AndTheFullCountListsEachTiedIdWithItsHmac()
    {
        var titles = LongTitles(20);
        var (messages, tally, nominations) = Announce(VotingMethod.InstantRunoff, titles, []);

        AssertWithinLimits(messages);
        Assert.Equal($"Nobody voted, so the tie-break chose **{Name(nominations, tally.Winner, 80)}**.", Field(messages.Announcement, "Result"));
        Assert.Contains($"No ballots: every candidate tied: 20 tied → {Name(nominations, tally.Winner, 40)}", Field(messages.Announcement, "Tie-break"), StringComparison.Ordinal);
        var fullCount = string.Join("\n", messages.FullCount.Select(m => m.Embeds![0].Description));
        var tieBreaker = new TieBreaker(Seed);
        Assert.All(nominations, n => Assert.Contains($"· `{n.CandidateId}` · `{tieBreaker.ComputeKeyHex(n.CandidateId)}`", fullCount, StringComparison.Ordinal));
        Assert.Contains($"hexkey:{Seed.ToHex()}", fullCount, StringComparison.Ordinal);
    }

    [Fact]
    public void AnyElection_EveryMessageIsWithinDiscordsLimits_AndTheResultAndTieBreaksAreWhole()
    {
        var titleChar = Gen.OneOf(Gen.Char['a', 'z'], Gen.OneOf('*', '_', '`', '<', '@', '#', '>', '|', ' ', 'é'));
        var election =
            from method in Gen.OneOf(VotingMethod.Plurality, VotingMethod.Approval, VotingMethod.InstantRunoff, VotingMethod.Schulze)
            from n in Gen.Int[1, 25]
            from titles in Gen.String[titleChar, 1, 200].Array[n]
            from ballots in Gen.Int[0, n - 1].Array[0, n].Array[0, 60]
            from seed in Gen.Byte.Array[32]
            from pitch in Gen.String[titleChar, 0, 500]
            select (method, titles, ballots, seed, pitch);
        election.Sample(e =>
        {
            var titles = e.titles.Select((t, i) => $"{i} {t}").ToArray(); // distinct
            var ballots = e.ballots.Select(b => b.Distinct().ToArray()).ToList();
            var (messages, tally, nominations) = Announce(e.method, titles, ballots, pitch: e.pitch.Trim().Length == 0 ? null : e.pitch, seed: TieBreakSeed.FromBytes(e.seed));

            AssertWithinLimits(messages);
            Assert.Contains(Name(nominations, tally.Winner, 80), Field(messages.Announcement, "Result"), StringComparison.Ordinal);
            AssertTieBreaksShown(messages.Announcement, tally, nominations);
            if (tally.Explanation is InstantRunoffExplanation irv)
            {
                var all = Text(messages.Announcement) + string.Join("\n", messages.FullCount.Select(m => m.Embeds![0].Description));
                Assert.All(irv.Rounds, r => Assert.Contains($"**Round {r.Number}:** ", all, StringComparison.Ordinal));
            }
        }, iter: 300);
    }

    /// <summary>Every tie's outcome and the seed with its commitment are in the announcement's tie-break fields, uncut.</summary>
    private static void AssertTieBreaksShown(MessageCreateRequest announcement, TallyResult tally, IReadOnlyList<Nomination> nominations)
    {
        var tieBreak = string.Join("\n", announcement.Embeds![0].Fields!.Where(f => f.Name.StartsWith("Tie-break", StringComparison.Ordinal)).Select(f => f.Value));
        Assert.Matches("Seed `[0-9a-f]{64}` \\(its SHA-256 `[0-9a-f]{64}` was posted when voting opened\\)\\.", tieBreak);
        Assert.All(tally.TieBreaks.Where(t => t.Purpose != TieBreakPurpose.Place), t =>
            Assert.Contains($"{t.Stage}: ", tieBreak, StringComparison.Ordinal));
        Assert.All(tally.TieBreaks.Where(t => t.Purpose != TieBreakPurpose.Place), t =>
            Assert.Contains($"→ {Name(nominations, t.Chosen, 40)}{(t.Purpose == TieBreakPurpose.Elimination ? " out" : "")}", tieBreak, StringComparison.Ordinal));
    }

    private static void AssertWithinLimits(ResultMessages messages)
    {
        MessageLimits.AssertWithin(messages.Announcement);
        Assert.All(messages.FullCount, MessageLimits.AssertWithin);
    }

    private static string Count(int messages) => messages == 1 ? "message" : $"{messages} messages";

    private static string Name(IReadOnlyList<Nomination> nominations, string candidateId, int length) =>
        Markdown.Text(nominations.Single(n => n.CandidateId == candidateId).Media.DisplayName, length);

    private static string Field(MessageCreateRequest message, string name) => message.Embeds![0].Fields!.Single(f => f.Name == name).Value;

    private static string Text(MessageCreateRequest message)
    {
        var embed = message.Embeds![0];
        return string.Join("\n", new[] { message.Content, embed.Title, embed.Description, embed.Footer?.Text }.Concat(embed.Fields!.SelectMany(f => new[] { f.Name, f.Value })));
    }

    /// <summary>Titles of 200 characters, distinct in their first characters, with markdown to escape.</summary>
    private static string[] LongTitles(int count) =>
        [.. Enumerable.Range(0, count).Select(i => $"{i:00} The *Very* Long_Title of a Film " + string.Concat(Enumerable.Repeat("that goes on and on ", 10)))
            .Select(t => t[..MediaFactory.MaxTitleLength])];

    /// <summary>Candidate i has i + 1 ballots ranking it, then candidate i + 1: instant-runoff takes n − 1 rounds.</summary>
    private static List<int[]> ChainBallots(int count) =>
        [.. Enumerable.Range(0, count).SelectMany(i => Enumerable.Repeat(i < count - 1 ? new[] { i, i + 1 } : [i], i + 1))];

    private static List<int[]> TennesseeBallots()
    {
        int[] m = [0, 1, 2, 3];
        int[] n = [1, 2, 3, 0];
        int[] c = [2, 3, 1, 0];
        int[] k = [3, 2, 1, 0];
        return [.. Enumerable.Repeat(m, 42).Concat(Enumerable.Repeat(n, 26)).Concat(Enumerable.Repeat(c, 15)).Concat(Enumerable.Repeat(k, 17))];
    }

    /// <summary>Counts ballots (candidate indices, most preferred first) through the real election code and renders the result.</summary>
    private static (ResultMessages Messages, TallyResult Tally, IReadOnlyList<Nomination> Nominations) Announce(
        VotingMethod method, string[] titles, IEnumerable<int[]> ballots, string? pitch = "A *great* pick", string? link = null, TieBreakSeed? seed = null)
    {
        seed ??= Seed;
        var track = Track.Create(1, "Film Night", MediaKind.Film, 2, "UTC", new TrackRules { VotingMethod = method, BallotSize = 10 }).Value;
        var cycle = Cycle.Start(track.Id, 3, Now).OpenVoting(titles.Length, seed.ToHex(), seed.Commitment, Now).Value;
        var nominations = titles.Select((title, i) => new Nomination
        {
            Id = NominationId.New(),
            TrackId = track.Id,
            CycleId = cycle.Id,
            MemberId = (ulong)(100 + i),
            Media = new Film { Title = title, Link = link is null ? null : new Uri(link) },
            Pitch = pitch,
            NominatedAt = Now,
        }).ToList();
        var cast = ballots.Select((choices, member) => new Ballot
        {
            CycleId = cycle.Id,
            MemberId = (ulong)member,
            Choices = [.. choices.Select(i => nominations[i].Id)],
            CastAt = Now,
        }).ToList();

        var tally = Election.Count(method, nominations, cast, seed);
        var winner = nominations.Single(n => n.CandidateId == tally.Winner);
        var pick = new Pick
        {
            CycleId = cycle.Id,
            TrackId = track.Id,
            GuildId = 1,
            CycleNumber = cycle.Number,
            NominationId = winner.Id,
            Media = winner.Media,
            NominatorId = winner.MemberId,
            Pitch = winner.Pitch,
            AnnouncedAt = Now,
            Method = method,
            BallotCount = tally.BallotCount,
            CandidateCount = nominations.Count,
            TieBroken = tally.TieBreaks.Count > 0,
            TieBreakSeedHex = seed.ToHex(),
            TieBreakCommitment = seed.Commitment,
        };
        var outcome = new ElectionOutcome(cycle.Announce(winner.Id, Now).Value, pick, tally, nominations);
        return (ResultAnnouncement.Render(track, outcome), tally, nominations);
    }
}
