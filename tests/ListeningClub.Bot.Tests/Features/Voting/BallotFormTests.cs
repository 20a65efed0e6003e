using ListeningClub.Bot.Features.Voting;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Safety;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Bot.Tests.Features.Voting;

public sealed class BallotFormTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 6, 17, 0, 0, TimeSpan.Zero);

    private static (Track Track, List<Nomination> Candidates) Setup(VotingMethod method, int count = 5, int ballotSize = 3)
    {
        var track = Track.Create(1, "Film Night", MediaKind.Film, 2, "UTC", new TrackRules { VotingMethod = method, BallotSize = ballotSize }).Value;
        var candidates = Enumerable.Range(1, count).Select(i => new Nomination
        {
            Id = NominationId.New(),
            TrackId = track.Id,
            CycleId = CycleId.New(),
            MemberId = (ulong)i,
            Media = MediaFactory.Film($"Film {i}", null, null, null).Value,
            NominatedAt = Now,
        }).ToList();
        return (track, candidates);
    }

    [Fact]
    public void Ranked_OneSelectPerPlacePlusSubmit_AndTheDraftRoundTrips()
    {
        var (track, candidates) = Setup(VotingMethod.InstantRunoff);
        var draft = new List<NominationId> { candidates[3].Id, candidates[0].Id };

        var form = BallotForm.Render(track, candidates, draft);

        Assert.Equal(4, form.Components!.Count); // 3 places + submit
        Assert.Equal(MessageFlags.Ephemeral, form.Flags);
        Assert.Equal(draft, BallotForm.ReadDraft(form.Components));
    }

    [Fact]
    public void EachChoice_SaysWhatTheCatalogueKnows_ThenThePitch_Unescaped_AndCutToDiscordsLimit()
    {
        var (track, candidates) = Setup(VotingMethod.Approval, count: 3);
        candidates[0] = candidates[0] with
        {
            Media = new Film { Title = "Alien", Year = 1979, Director = "Ridley *Scott*", Catalogue = new CatalogueFacts { Id = "tmdb:348", RuntimeMinutes = 117 } },
            Pitch = "In space no one can hear you scream.",
        };
        candidates[1] = candidates[1] with { Pitch = "Only a pitch" };
        candidates[2] = candidates[2] with { Pitch = new string('p', 300), Media = new Film { Title = "Long", Director = "Someone" } };

        var options = BallotForm.Render(track, candidates, []).Components![0].Components![0].Options!;

        Assert.Equal("directed by Ridley *Scott* · 1 h 57 min — In space no one can hear you scream.", options[0].Description);
        Assert.Equal("Only a pitch", options[1].Description);
        Assert.StartsWith("directed by Someone — ppp", options[2].Description, StringComparison.Ordinal);
        Assert.Equal(DiscordLimits.SelectOptionDescription, options[2].Description!.Length);
    }

    [Fact]
    public void Ranked_BallotSizeAboveFour_ShowsFourPlaces()
    {
        var (track, candidates) = Setup(VotingMethod.Schulze, count: 8, ballotSize: 10);
        Assert.Equal(BallotForm.MaxRankedPlaces + 1, BallotForm.Render(track, candidates, []).Components!.Count);
    }

    [Fact]
    public void Apply_ChoosingANominationAlreadyRankedElsewhere_MovesIt()
    {
        var (_, c) = Setup(VotingMethod.InstantRunoff);
        IReadOnlyList<NominationId> draft = [c[0].Id, c[1].Id];

        var moved = BallotForm.Apply(VotingMethod.InstantRunoff, draft, 0, [c[1].Id.ToString()]);

        Assert.Equal([c[1].Id], moved);
        Assert.Equal([c[1].Id, c[2].Id], BallotForm.Apply(VotingMethod.InstantRunoff, moved, 1, [c[2].Id.ToString()]));
        Assert.Empty(BallotForm.Apply(VotingMethod.InstantRunoff, moved, 0, []));
    }

    [Fact]
    public void Approval_OneMultiSelect_TakesAllValues()
    {
        var (track, c) = Setup(VotingMethod.Approval);
        var form = BallotForm.Render(track, c, []);
        var select = form.Components![0].Components![0];
        Assert.Equal(c.Count, select.MaxValues);
        Assert.Equal([c[0].Id, c[2].Id], BallotForm.Apply(VotingMethod.Approval, [], 0, [c[0].Id.ToString(), c[2].Id.ToString()]));
    }

    [Fact]
    public void CustomIds_ParseBack()
    {
        var track = TrackId.New();
        Assert.True(BallotIds.TryParse(BallotIds.Choice(track, 2), out var action, out var parsed, out var place));
        Assert.Equal(("choice", track, 2), (action, parsed, place));
        Assert.True(BallotIds.TryParse(BallotIds.Submit(track), out action, out _, out _));
        Assert.Equal("submit", action);
        Assert.False(BallotIds.TryParse("ballot:choice:not-a-track:1", out _, out _, out _));
        Assert.All(new[] { BallotIds.Open(track), BallotIds.Choice(track, 3), BallotIds.Submit(track) }, id => Assert.True(id.Length <= 100));
    }
}
