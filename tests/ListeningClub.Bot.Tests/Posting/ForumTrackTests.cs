using System.Globalization;
using ListeningClub.Application.Voting;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Bot.Tests.Posting;

/// <summary>A track whose channel is a forum: the vote and the announcement are forum posts; reminders, prompts and ratings go inside them.</summary>
public sealed class ForumTrackTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    // Monday 2 November 2026, 09:00 in Berlin.
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ForumTrack_PostsTheVoteAndThePickAsForumPosts_AndDiscussesInsideThem()
    {
        await using var bot = await BotHarness.StartAsync(Start);
        var track = await bot.SetupTrackAsync("Film Night", MediaKind.Film, "film-forum", rules: new TrackRules { VotingMethod = VotingMethod.Plurality });
        foreach (var (member, title) in new[] { ("ana", "Alien"), ("ben", "Heat") })
        {
            await bot.NominateAsync(track, member, MediaFactory.Film(title, null, null, null).Value);
        }

        var steps = bot.Steps();
        var next = await steps.AdvanceAsync(bot.GuildId, track.Id, None);
        while (next is not null && next.At <= new DateTimeOffset(2026, 11, 9, 12, 0, 0, TimeSpan.Zero))
        {
            var cycle = (await bot.Get<ICycleRepository>().GetCurrentAsync(track.Id, None))!;
            if (cycle.Phase == CyclePhase.Voting && cycle.Number == 1)
            {
                var (_, listed) = await bot.Get<ListeningClub.Application.Nominations.NominationService>().ListCurrentAsync(track, None);
                await bot.Get<VotingService>().CastAsync(track, bot.User("cho"), [listed.Single(n => n.Media.Title == "Heat").Id], None);
            }

            bot.Time.SetUtcNow(next.At);
            next = await steps.AdvanceAsync(bot.GuildId, track.Id, None);
        }

        var forum = bot.Channel("film-forum");
        var posts = bot.Emulator.Core.State.Channels.Values.Where(c => c.ParentId == forum).OrderBy(c => c.Id).ToList();
        Assert.Equal(["📝 Film Night: nominations (cycle 1)", "🗳️ Film Night: vote (cycle 1)", "🎬 Heat — Film Night", "📝 Film Night: nominations (cycle 2)"], posts.Select(p => p.Name));
        Assert.Empty(await bot.Control.MessagesAsync(forum.ToString(CultureInfo.InvariantCulture)));

        // The reminder went into the vote's post; the pick's post is its discussion, with the prompts in it.
        var vote = await bot.Control.MessagesAsync(posts[1].Id.ToString(CultureInfo.InvariantCulture));
        Assert.StartsWith("Voting is open", vote[0].Content, StringComparison.Ordinal);
        Assert.Single(vote, m => m.Content.StartsWith('⏰'));
        var pick = Assert.Single(await bot.Get<IPickRepository>().ListByTrackAsync(track.Id, None));
        Assert.Equal(posts[2].Id, pick.ThreadId);
        var discussion = await bot.Control.MessagesAsync(posts[2].Id.ToString(CultureInfo.InvariantCulture));
        Assert.StartsWith("The votes are in!", discussion[0].Content, StringComparison.Ordinal);
        Assert.Equal(2, discussion.Count(m => m.Content.StartsWith("💬", StringComparison.Ordinal))); // Saturday and Monday
        Assert.Equal(TrackChannelKind.Forum, (await bot.Get<IClubRepository>().GetAsync(bot.GuildId, None))!.FindTrack(track.Id)!.ChannelKind);
    }
}
