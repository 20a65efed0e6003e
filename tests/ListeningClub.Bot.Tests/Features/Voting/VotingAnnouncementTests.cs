using ListeningClub.Bot.Features.Voting;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Bot.Tests.Features.Voting;

/// <summary>The post that opens voting: every candidate with what the catalogue knows of it, and nothing said twice.</summary>
public sealed class VotingAnnouncementTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 6, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EachCandidate_ShowsItsDirectorAndRuntime_WhenTheCatalogueKnowsThem()
    {
        var description = Render(MediaKind.Film,
            new Film { Title = "Alien", Year = 1979, Director = "Ridley *Scott*", Catalogue = new CatalogueFacts { Id = "tmdb:348", RuntimeMinutes = 117 } },
            new Film { Title = "Heat", Year = 1995 });

        Assert.Contains("1. Alien (1979) (directed by Ridley \\*Scott\\* · 1 h 57 min) — <@100>\n", description, StringComparison.Ordinal);
        Assert.Contains("2. Heat (1995) — <@101>\n", description, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAlbum_ShowsItsTrackCount_AndItsArtistOnlyOnce()
    {
        var description = Render(MediaKind.Album,
            new Album { Title = "OK Computer", Artist = "Radiohead", Year = 1997, Catalogue = new CatalogueFacts { Id = "musicbrainz:b1392450-e666-3926-a536-22c65f834433", TrackCount = 12 } });

        Assert.Contains("1. Radiohead – OK Computer (1997) (12 tracks) — <@100>\n", description, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(description, "Radiohead"));
    }

    private static string Render(MediaKind kind, params MediaItem[] media)
    {
        var track = Track.Create(1, "Club", kind, 2, "UTC", new TrackRules { VotingMethod = VotingMethod.Plurality }).Value;
        var cycle = Cycle.Start(track.Id, 3, Now).OpenVoting(media.Length, new string('7', 64), new string('8', 64), Now).Value;
        var nominations = media.Select((item, i) => new Nomination
        {
            Id = NominationId.New(),
            TrackId = track.Id,
            CycleId = cycle.Id,
            MemberId = (ulong)(100 + i),
            Media = item,
            NominatedAt = Now,
        }).ToList();
        return VotingAnnouncement.Render(track, cycle, nominations).Embeds![0].Description!;
    }
}
