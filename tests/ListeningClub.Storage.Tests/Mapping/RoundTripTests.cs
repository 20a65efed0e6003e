using CsCheck;
using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Nominations;
using ListeningClub.Storage.Documents;
using ListeningClub.Storage.Tests.Support;

namespace ListeningClub.Storage.Tests.Mapping;

public sealed class RoundTripTests
{
    [Fact]
    public void BallotDocument_AnyBallot_RoundTrips()
    {
        var ballots =
            from cycle in Gen.Guid
            from member in Gen.ULong
            from choices in Gen.Guid.Array[0, 10]
            from ticks in Gen.Long[DateTimeOffset.MinValue.UtcTicks, DateTimeOffset.MaxValue.UtcTicks]
            select new Ballot
            {
                CycleId = new CycleId(cycle),
                MemberId = member,
                Choices = choices.Select(c => new NominationId(c)).ToList(),
                CastAt = new DateTimeOffset(ticks, TimeSpan.Zero),
            };

        ballots.Sample(ballot =>
        {
            var back = BallotDocuments.FromDocument(BallotDocuments.ToDocument(ballot));
            return back.CycleId == ballot.CycleId
                && back.MemberId == ballot.MemberId
                && back.Choices.SequenceEqual(ballot.Choices)
                && back.CastAt.UtcTicks == ballot.CastAt.UtcTicks;
        });
    }

    [Fact]
    public void NominationDocument_FilmsAndAlbums_RoundTrip()
    {
        var cycle = Sample.Cycle(TrackId.New());
        var facts = new CatalogueFacts { Id = "tmdb:348", ImdbId = "tt0078748", Synopsis = "In space no one can hear you scream.", RuntimeMinutes = 117, ImageUrl = new Uri("https://image.tmdb.org/t/p/w342/alien.jpg") };
        MediaItem[] media =
        [
            Sample.Film(), Sample.Film(year: null) with { Director = null, Link = null }, Sample.Album(),
            Sample.Film() with { Catalogue = facts }, Sample.Album() with { Catalogue = new CatalogueFacts { Id = "musicbrainz:b1392450-e666-3926-a536-22c65f834433", TrackCount = 12 } },
        ];
        foreach (var item in media)
        {
            var nomination = Sample.Nomination(cycle, member: ulong.MaxValue, media: item) with { Status = NominationStatus.Vetoed, VetoReason = "off-topic", CarriedOver = 2 };

            var back = NominationDocuments.FromDocument(NominationDocuments.ToDocument(nomination));

            Assert.Equal(nomination, back);
        }
    }
}
