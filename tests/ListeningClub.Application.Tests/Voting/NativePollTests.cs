using ListeningClub.Application.Tests.Fakes;
using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Application.Tests.Voting;

public sealed class NativePollTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task PollVotes_AddChangeTakeBack_TheBallotFollows_AndTheLastTakeBackRemovesIt()
    {
        var club = new ClubFixture();
        var track = await club.FilmTrackAsync(new TrackRules { VotingMethod = VotingMethod.Approval, NativePoll = true });
        var alien = await club.NominateAsync(track, 1, "Alien");
        var heat = await club.NominateAsync(track, 2, "Heat");
        await club.Voting.OpenVotingAsync(track, None);

        await club.Voting.ApplyPollVoteAsync(track, 7, 1, added: true, None);
        var both = await club.Voting.ApplyPollVoteAsync(track, 7, 2, added: true, None);
        Assert.Equal([alien.Id, heat.Id], both.Value!.Choices);

        var one = await club.Voting.ApplyPollVoteAsync(track, 7, 1, added: false, None);
        Assert.Equal([heat.Id], one.Value!.Choices);
        await club.Voting.ApplyPollVoteAsync(track, 7, 2, added: false, None);
        Assert.Null((await club.Voting.GetBallotAsync(track, 7, None)).Ballot);

        Assert.Equal("poll.ignored", (await club.Voting.ApplyPollVoteAsync(track, 7, 9, added: true, None)).Problem!.Code);
    }

    [Fact]
    public async Task SingleChoicePoll_ChangeArrivingAsAddBeforeTakeBack_TheNewestAnswerWins()
    {
        var club = new ClubFixture();
        var track = await club.FilmTrackAsync(new TrackRules { VotingMethod = VotingMethod.Plurality, NativePoll = true });
        await club.NominateAsync(track, 1, "Alien");
        var heat = await club.NominateAsync(track, 2, "Heat");
        await club.Voting.OpenVotingAsync(track, None);

        await club.Voting.ApplyPollVoteAsync(track, 7, 1, added: true, None);
        await club.Voting.ApplyPollVoteAsync(track, 7, 2, added: true, None);

        Assert.Equal([heat.Id], (await club.Voting.GetBallotAsync(track, 7, None)).Ballot!.Choices);
    }

    [Fact]
    public async Task ReplaceWithPollVotes_MakesTheBallotsExactlyThePollsVoters()
    {
        var club = new ClubFixture();
        var track = await club.FilmTrackAsync(new TrackRules { VotingMethod = VotingMethod.Approval, NativePoll = true });
        var alien = await club.NominateAsync(track, 1, "Alien");
        var heat = await club.NominateAsync(track, 2, "Heat");
        await club.Voting.OpenVotingAsync(track, None);
        await club.Voting.ApplyPollVoteAsync(track, 5, 1, added: true, None); // took it back while the bot was offline
        await club.Voting.ApplyPollVoteAsync(track, 6, 1, added: true, None);

        var voters = new Dictionary<ulong, IReadOnlyList<int>> { [6] = [1, 2], [7] = [2] };
        Assert.Equal(2, (await club.Voting.ReplaceWithPollVotesAsync(track, voters, None)).Value);

        var outcome = (await club.Voting.CloseAndAnnounceAsync(track, None)).Value;
        Assert.Equal(2, outcome.Tally.BallotCount);
        Assert.Equal(heat.Id, outcome.Pick.NominationId);
        Assert.NotEqual(alien.Id, outcome.Pick.NominationId);
    }

    [Fact]
    public async Task Veto_WhileAPollVoteRuns_IsRefused_AndNothingChanges()
    {
        var club = new ClubFixture();
        var track = await club.FilmTrackAsync(new TrackRules { VotingMethod = VotingMethod.Plurality, NativePoll = true });
        var alien = await club.NominateAsync(track, 1, "Alien");
        await club.NominateAsync(track, 2, "Heat");
        await club.Voting.OpenVotingAsync(track, None);

        var veto = await club.Nominations.VetoAsync(track, alien.Id, "spoilers", None);

        Assert.Equal("veto.poll", veto.Problem!.Code);
        Assert.Equal(2, (await club.Nominations.ListCurrentAsync(track, None)).Nominations.Count);
    }

    [Fact]
    public void Applies_NotInAForumChannel_WhosePostsCannotCarryAPoll()
    {
        var track = Track.Create(1, "Film Night", Domain.Media.MediaKind.Film, 2, "Europe/Berlin", new TrackRules { VotingMethod = VotingMethod.Plurality, NativePoll = true }).Value;
        Assert.True(NativePoll.Applies(track, 3));
        Assert.False(NativePoll.Applies(track with { ChannelKind = TrackChannelKind.Forum }, 3));
    }

    [Theory]
    [InlineData(VotingMethod.Plurality, true, 2, true)]
    [InlineData(VotingMethod.Approval, true, 10, true)]
    [InlineData(VotingMethod.Approval, true, 11, false)]
    [InlineData(VotingMethod.Plurality, true, 1, false)]
    [InlineData(VotingMethod.InstantRunoff, true, 3, false)]
    [InlineData(VotingMethod.Plurality, false, 3, false)]
    public void Applies_OnlyToPluralityAndApproval_WithTwoToTenCandidates(VotingMethod method, bool enabled, int candidates, bool expected)
    {
        var track = Track.Create(1, "Film Night", Domain.Media.MediaKind.Film, 2, "Europe/Berlin", new TrackRules { VotingMethod = method, NativePoll = enabled }).Value;
        Assert.Equal(expected, NativePoll.Applies(track, candidates));
    }
}
