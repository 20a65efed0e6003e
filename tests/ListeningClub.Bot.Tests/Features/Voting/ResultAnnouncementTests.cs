using ListeningClub.Bot.Features.Voting;
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

    [Fact]
    public void InstantRunoff_ShowsEveryRoundWithEliminationsAndTransfers()
    {
        var text = Render(VotingMethod.InstantRunoff, TennesseeBallots(), out var message);

        Assert.Contains("**Round 1:** Memphis 42 · Nashville 26 · Knoxville 17 · Chattanooga 15 → Chattanooga out; their ballots went +15 Knoxville", text, StringComparison.Ordinal);
        Assert.Contains("**Knoxville wins** with 58 of 100 (58%)", text, StringComparison.Ordinal);
        Assert.Contains("The votes are in! This cycle's pick for **Film Night** is **Knoxville**.", message.Content, StringComparison.Ordinal);
        Assert.Contains("100 ballots for 4 nominations", text, StringComparison.Ordinal);
        Assert.Equal(AllowedMentions.None, message.AllowedMentions);
    }

    [Fact]
    public void Schulze_ShowsTheWinnersHeadToHeadWins()
    {
        var text = Render(VotingMethod.Schulze, TennesseeBallots(), out _);

        Assert.Contains("**Nashville** beats every other nomination head to head:", text, StringComparison.Ordinal);
        Assert.Contains("beats Memphis 58–42", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Plurality_ShowsCountsWinnerFirst()
    {
        var text = Render(VotingMethod.Plurality, TennesseeBallots(), out _);
        Assert.Contains("🏆 Memphis: **42 votes**", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ForcedTie_ShowsTheTieAndTheSeedWithItsCommitment()
    {
        var text = Render(VotingMethod.Plurality, [["Memphis"], ["Nashville"]], out var message);
        var pickSeed = message.Embeds![0].Fields![2].Value;

        Assert.Contains("tie for first place: tie-break order ", pickSeed, StringComparison.Ordinal);
        Assert.Contains("Memphis", pickSeed, StringComparison.Ordinal);
        Assert.Contains("Nashville", pickSeed, StringComparison.Ordinal);
        Assert.Contains("HMAC-SHA256(seed, nomination id)", pickSeed, StringComparison.Ordinal);
        Assert.Contains($"Seed `{Seed.ToHex()}`", pickSeed, StringComparison.Ordinal);
        Assert.Contains(Seed.Commitment, pickSeed, StringComparison.Ordinal);
        Assert.DoesNotContain("No ties", text, StringComparison.Ordinal);
    }

    [Fact]
    public void UserText_IsEscapedAndCannotPing()
    {
        var text = Render(VotingMethod.Plurality, [["**@everyone** <@&1>"]], out var message, titles: ["**@everyone** <@&1>", "Nashville"]);
        Assert.DoesNotContain("**@everyone**", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<@&1>", text, StringComparison.Ordinal);
        Assert.Equal(AllowedMentions.None, message.AllowedMentions);
    }

    private static readonly TieBreakSeed Seed = TieBreakSeed.FromHex(new string('7', 64));

    private static List<List<string>> TennesseeBallots()
    {
        string[] m = ["Memphis", "Nashville", "Chattanooga", "Knoxville"];
        string[] n = ["Nashville", "Chattanooga", "Knoxville", "Memphis"];
        string[] c = ["Chattanooga", "Knoxville", "Nashville", "Memphis"];
        string[] k = ["Knoxville", "Chattanooga", "Nashville", "Memphis"];
        return [.. Enumerable.Repeat(m, 42).Concat(Enumerable.Repeat(n, 26)).Concat(Enumerable.Repeat(c, 15)).Concat(Enumerable.Repeat(k, 17)).Select(b => b.ToList())];
    }

    /// <summary>Counts ballots written with titles through the real election code and renders the announcement.</summary>
    internal static string Render(VotingMethod method, List<List<string>> ballotsByTitle, out MessageCreateRequest message, string[]? titles = null)
    {
        var track = Track.Create(1, "Film Night", MediaKind.Film, 2, "UTC", new TrackRules { VotingMethod = method, BallotSize = 4 }).Value;
        var cycle = Cycle.Start(track.Id, 3, Now).OpenVoting(4, Seed.ToHex(), Seed.Commitment, Now).Value;
        titles ??= ["Memphis", "Nashville", "Chattanooga", "Knoxville"];
        var nominations = titles.Select((title, i) => new Nomination
        {
            Id = NominationId.New(),
            TrackId = track.Id,
            CycleId = cycle.Id,
            MemberId = (ulong)(100 + i),
            Media = MediaFactory.Film(title, null, null, null).Value,
            Pitch = "A *great* pick",
            NominatedAt = Now,
        }).ToList();
        var byTitle = nominations.ToDictionary(n => n.Media.Title);
        var ballots = ballotsByTitle.Select((choices, member) => new Ballot
        {
            CycleId = cycle.Id,
            MemberId = (ulong)member,
            Choices = choices.Select(t => byTitle[t].Id).ToList(),
            CastAt = Now,
        }).ToList();

        var tally = Election.Count(method, nominations, ballots, Seed);
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
            TieBreakSeedHex = Seed.ToHex(),
            TieBreakCommitment = Seed.Commitment,
        };
        var outcome = new ElectionOutcome(cycle.Announce(winner.Id, Now).Value, pick, tally, nominations);
        message = ResultAnnouncement.Render(track, outcome);
        var embed = message.Embeds![0];
        return string.Join("\n", new[] { message.Content, embed.Title, embed.Description }.Concat(embed.Fields!.SelectMany(f => new[] { f.Name, f.Value })));
    }
}
