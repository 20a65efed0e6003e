using System.Globalization;
using System.Text.Json.Nodes;
using ListeningClub.Application.Nominations;
using ListeningClub.Application.Voting;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Bot.Tests.Features.Voting;

/// <summary>A count too long for one message, through the emulator (which refuses anything over Discord's limits).</summary>
public sealed class LongResultTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("film-night")]
    [InlineData("film-forum")]
    public async Task Close_TwentyLongTitlesInNineteenRounds_TheAnnouncementKeepsTheFinalRoundWhole_AndTheFullCountIsPostedAfterIt(string channel)
    {
        await using var bot = await BotHarness.StartAsync(Start);
        var track = await bot.SetupTrackAsync("Film Night", MediaKind.Film, channel, rules: new TrackRules { VotingMethod = VotingMethod.InstantRunoff, NominationCapPerMember = 10, BallotSize = 2 });
        for (var i = 0; i < 20; i++)
        {
            var title = ($"{i:00} The *Very* Long_Title " + string.Concat(Enumerable.Repeat("that goes on and on ", 10)))[..MediaFactory.MaxTitleLength];
            await bot.NominateAsync(track, i < 10 ? "ana" : "ben", MediaFactory.Film(title, null, null, null).Value);
        }

        var steps = bot.Steps();
        Assert.True((await steps.OpenVotingNowAsync(track, None)).IsSuccess);
        var listed = (await bot.Get<NominationService>().ListCurrentAsync(track, None)).Nominations;
        var voter = 10_000UL;
        for (var i = 0; i < 20; i++)
        {
            for (var k = 0; k <= i; k++)
            {
                NominationId[] choices = i < 19 ? [listed[i].Id, listed[i + 1].Id] : [listed[i].Id];
                Assert.True((await bot.Get<VotingService>().CastAsync(track, voter++, choices, None)).IsSuccess);
            }
        }

        var closed = await steps.CloseVotingNowAsync(track, None);

        Assert.True(closed.IsSuccess, closed.Problem?.Message);
        var rounds = ((InstantRunoffExplanation)closed.Value.Tally.Explanation).Rounds;
        Assert.Equal(19, rounds.Count);
        var pick = Assert.Single(await bot.Get<IPickRepository>().ListByTrackAsync(track.Id, None));
        var where = channel == "film-forum" ? pick.ThreadId!.Value.ToString(CultureInfo.InvariantCulture) : bot.Guild.Channels[channel];
        var messages = await bot.Control.MessagesAsync(where);
        var announcement = messages.Single(m => m.Content.StartsWith("The votes are in!", StringComparison.Ordinal));
        var fullCount = messages.Where(m => Embed(m)?["title"]?.GetValue<string>().Contains("the full count for", StringComparison.Ordinal) == true).ToList();

        var fields = Embed(announcement)!["fields"]!.AsArray().Select(f => (Name: f!["name"]!.GetValue<string>(), Value: f["value"]!.GetValue<string>())).ToList();
        var result = fields.Single(f => f.Name == "Result").Value;
        var last = rounds[^1];
        Assert.StartsWith($"Final round (round 19): **", result, StringComparison.Ordinal);
        Assert.Contains($" wins** with {last.CandidateVotes} of {last.ContinuingBallots} (", result, StringComparison.Ordinal);
        Assert.Matches(@"a margin of \d+\.", result);
        var tieBreak = string.Join("\n", fields.Where(f => f.Name.StartsWith("Tie-break", StringComparison.Ordinal)).Select(f => f.Value));
        Assert.Contains($"Seed `{pick.TieBreakSeedHex}` (its SHA-256 `{pick.TieBreakCommitment}` was posted when voting opened).", tieBreak, StringComparison.Ordinal);
        Assert.All(closed.Value.Tally.TieBreaks, t => Assert.Contains(t.Stage, tieBreak, StringComparison.Ordinal));

        Assert.NotEmpty(fullCount);
        Assert.All(fullCount, m => Assert.True(ulong.Parse(m.Id, CultureInfo.InvariantCulture) > ulong.Parse(announcement.Id, CultureInfo.InvariantCulture)));
        Assert.Contains($"the full count follows in the next {fullCount.Count} messages", Embed(announcement)!["footer"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var count = string.Join("\n", fullCount.Select(m => Embed(m)!["description"]!.GetValue<string>()));
        Assert.All(rounds, r => Assert.Contains($"**Round {r.Number}:** ", count, StringComparison.Ordinal));
        Assert.All(messages, m => Assert.False(m.Notifications.NotifiesAnyone, m.Content));
        var refused = (await bot.Control.RequestsAsync()).Where(r => r.Status >= 400).Select(r => $"{r.Method} {r.Path} → {r.Status}: {r.Body}");
        Assert.Empty(refused); // the emulator checks every body against Discord's contract and limits

        // Closing again (a second trigger, a restart's catch-up) posts nothing twice.
        await steps.AdvanceAsync(bot.GuildId, track.Id, None);
        var after = await bot.Control.MessagesAsync(where);
        Assert.Single(after, m => m.Content.StartsWith("The votes are in!", StringComparison.Ordinal));
        Assert.Equal(fullCount.Count, after.Count(m => Embed(m)?["title"]?.GetValue<string>().Contains("the full count for", StringComparison.Ordinal) == true));
    }

    private static JsonNode? Embed(MessageEntry message) => message.Message["embeds"]?.AsArray().FirstOrDefault();
}
