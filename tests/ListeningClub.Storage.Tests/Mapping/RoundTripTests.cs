using CsCheck;
using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Prompts;
using ListeningClub.Domain.Voting;
using ListeningClub.Storage.Documents;
using ListeningClub.Storage.Repositories;
using ListeningClub.Storage.Tests.Support;

namespace ListeningClub.Storage.Tests.Mapping;

public sealed class RoundTripTests
{
    public static TheoryData<ulong> EdgeIds => new()
    {
        0UL,
        1UL,
        (ulong)long.MaxValue,
        (ulong)long.MaxValue + 1,
        ulong.MaxValue - 1,
        ulong.MaxValue,
        1_100_000_000_000_000_000UL,
    };

    [Theory]
    [MemberData(nameof(EdgeIds))]
    public async Task DiscordIds_NearTheEdgesOfUlong_SurviveAReopenExactly(ulong id)
    {
        await using var test = new TestStore();
        var track = Sample.Track(guildId: id) with { ChannelId = id };
        var club = Sample.Club(id, track) with { ManagerRoleId = id };
        var cycle = CycleId.New();
        await new ClubRepository(test.Store).SaveAsync(club, default);
        await new BallotRepository(test.Store).UpsertAsync(Sample.Ballot(cycle, id), default);

        await test.ReopenAsync();

        var loaded = await new ClubRepository(test.Store).GetAsync(id, default);
        Assert.NotNull(loaded);
        Assert.Equal(id, loaded.GuildId);
        Assert.Equal(id, loaded.ManagerRoleId);
        Assert.Equal(id, loaded.Tracks[0].ChannelId);
        Assert.Equal(id, loaded.Tracks[0].GuildId);
        var ballot = Assert.Single(await new BallotRepository(test.Store).ListByCycleAsync(cycle, default));
        Assert.Equal(id, ballot.MemberId);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(5, 30)]
    [InlineData(-8, 0)]
    [InlineData(14, 0)]
    [InlineData(-12, 0)]
    public async Task Instants_WithAnyOffset_ReadBackAsTheSameInstant_ToTheTick(int hours, int minutes)
    {
        await using var test = new TestStore();
        var offset = new TimeSpan(hours, hours < 0 ? -minutes : minutes, 0);
        var at = new DateTimeOffset(2027, 3, 28, 2, 30, 0, offset).AddTicks(1_234_567);
        var cycle = Sample.Cycle(TrackId.New()) with { StartedAt = at, VotingClosesAt = at.AddTicks(1), AnnouncedAt = null };
        await new CycleRepository(test.Store).SaveAsync(cycle, default);

        await test.ReopenAsync();

        var loaded = await new CycleRepository(test.Store).GetAsync(cycle.Id, default);
        Assert.NotNull(loaded);
        Assert.Equal(at.UtcTicks, loaded.StartedAt.UtcTicks);
        Assert.Equal(at, loaded.StartedAt); // DateTimeOffset equality compares instants
        Assert.Equal(at.AddTicks(1).UtcTicks, loaded.VotingClosesAt!.Value.UtcTicks);
        Assert.Null(loaded.AnnouncedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("   \t  ")]
    [InlineData("  padded  ")]
    [InlineData("🎬🍿 Everything Everywhere All at Once 🥯")]
    [InlineData("שלום עולם — فيلم عربي")]
    [InlineData("e\u0301 vs \u00e9, zero\u200Bwidth, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢")]
    public async Task Text_IsStoredExactly_NeitherTrimmedNorNulled(string text)
    {
        await using var test = new TestStore();
        var track = Sample.Track() with { Name = text };
        var cycle = Sample.Cycle(track.Id);
        var nomination = Sample.Nomination(cycle, media: Sample.Film(title: "T" + text, year: null)) with { Pitch = text, VetoReason = text };
        var prompt = Sample.Prompt(track.Id, text: text);
        await new ClubRepository(test.Store).SaveAsync(Sample.Club(1000, track), default);
        Assert.Null(await new NominationRepository(test.Store).AddAsync(nomination, default));
        await new PromptRepository(test.Store).SaveAsync([prompt], default);

        await test.ReopenAsync();

        var club = await new ClubRepository(test.Store).GetAsync(1000, default);
        Assert.Equal(text, club!.Tracks[0].Name);
        var loaded = await new NominationRepository(test.Store).GetAsync(nomination.Id, default);
        Assert.Equal(text, loaded!.Pitch);
        Assert.Equal(text, loaded.VetoReason);
        Assert.Equal("T" + text, loaded.Media.Title);
        Assert.Equal(text, Assert.Single(await new PromptRepository(test.Store).ListByTrackAsync(track.Id, default)).Text);
    }

    [Fact]
    public async Task Enums_EveryValue_RoundTrips()
    {
        await using var test = new TestStore();
        var repository = new CycleRepository(test.Store);
        var track = TrackId.New();
        var number = 1;
        foreach (var phase in Enum.GetValues<CyclePhase>())
        {
            await repository.SaveAsync(Sample.Cycle(track, number++) with { Phase = phase }, default);
        }

        var tracks = Enum.GetValues<VotingMethod>()
            .Select((method, i) => Sample.Track(name: $"Track {i}", kind: i % 2 == 0 ? MediaKind.Film : MediaKind.Album) with { Rules = TrackRules.Default with { VotingMethod = method } })
            .ToArray();
        await new ClubRepository(test.Store).SaveAsync(Sample.Club(1000, tracks), default);
        var prompts = Enum.GetValues<PromptSource>().Select(source => Sample.Prompt(track) with { Source = source }).ToList();
        await new PromptRepository(test.Store).SaveAsync(prompts, default);

        await test.ReopenAsync();

        var phases = (await new CycleRepository(test.Store).ListByTrackAsync(track, default)).Select(c => c.Phase);
        Assert.Equal(Enum.GetValues<CyclePhase>(), phases);
        var club = await new ClubRepository(test.Store).GetAsync(1000, default);
        Assert.Equal(Enum.GetValues<VotingMethod>(), club!.Tracks.Select(t => t.Rules.VotingMethod));
        Assert.Equal(tracks.Select(t => t.Kind), club.Tracks.Select(t => t.Kind));
        Assert.Equal(Enum.GetValues<PromptSource>().Order(), (await new PromptRepository(test.Store).ListByTrackAsync(track, default)).Select(p => p.Source).Order());
    }

    [Fact]
    public async Task Club_WithTracks_RoundTripsWholly()
    {
        await using var test = new TestStore();
        var club = Sample.Club(77, Sample.Track(77), Sample.Track(77, "Album Club", MediaKind.Album) with { Name = "" });
        await new ClubRepository(test.Store).SaveAsync(club, default);

        await test.ReopenAsync();

        var loaded = await new ClubRepository(test.Store).GetAsync(77, default);
        Assert.NotNull(loaded);
        Assert.Equal(club.Tracks.Count, loaded.Tracks.Count);
        foreach (var (expected, actual) in club.Tracks.Zip(loaded.Tracks))
        {
            TrackAssert.Same(expected, actual);
        }

        Assert.Equal(club.ManagerRoleId, loaded.ManagerRoleId);
    }

    [Fact]
    public async Task TrackSchedule_NonDefault_RoundTrips()
    {
        await using var test = new TestStore();
        var schedule = new ListeningClub.Domain.Schedule.TrackSchedule
        {
            EveryWeeks = 2,
            NominationsOpen = new(DayOfWeek.Sunday, new TimeOnly(9, 30)),
            VotingOpens = new(DayOfWeek.Wednesday, new TimeOnly(20, 15)),
            VotingCloses = new(DayOfWeek.Saturday, new TimeOnly(23, 59)),
            PromptDays = [0, 2, 9],
            PromptTime = new TimeOnly(7, 5),
            VotingReminders = [TimeSpan.FromMinutes(90), TimeSpan.FromDays(2)],
            Paused = true,
        };
        var track = Sample.Track() with { Schedule = schedule };
        await new ClubRepository(test.Store).SaveAsync(Sample.Club(1000, track), default);

        await test.ReopenAsync();

        var loaded = await new ClubRepository(test.Store).GetAsync(1000, default);
        TrackAssert.Same(track, Assert.Single(loaded!.Tracks));
    }

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
