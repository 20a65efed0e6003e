using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Outbox;
using ListeningClub.Domain.Prompts;
using ListeningClub.Domain.Schedule;
using ListeningClub.Domain.Voting;
using ListeningClub.Storage.Postgres.Tests.Support;
using ListeningClub.Storage.Tests.Support;

namespace ListeningClub.Storage.Postgres.Tests.Contract;

/// <summary>Values come back exactly as saved, after a restart: ids over the whole ulong range, instants to the tick, text untouched, every enum.</summary>
public abstract class RoundTripContract : ContractTest
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
        var track = Sample.Track(guildId: id) with { ChannelId = id };
        var club = Sample.Club(id, track) with { ManagerRoleId = id };
        var cycle = CycleId.New();
        await Store.Clubs.SaveAsync(club, default);
        await Store.Ballots.UpsertAsync(Sample.Ballot(cycle, id), default);

        await Store.ReopenAsync();

        var loaded = await Store.Clubs.GetAsync(id, default);
        Assert.NotNull(loaded);
        Assert.Equal(id, loaded.GuildId);
        Assert.Equal(id, loaded.ManagerRoleId);
        Assert.Equal(id, loaded.Tracks[0].ChannelId);
        Assert.Equal(id, loaded.Tracks[0].GuildId);
        var ballot = Assert.Single(await Store.Ballots.ListByCycleAsync(cycle, default));
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
        var offset = new TimeSpan(hours, hours < 0 ? -minutes : minutes, 0);
        var at = new DateTimeOffset(2027, 3, 28, 2, 30, 0, offset).AddTicks(1_234_567);
        var cycle = Sample.Cycle(TrackId.New()) with { StartedAt = at, VotingClosesAt = at.AddTicks(1), AnnouncedAt = null };
        await Store.Cycles.SaveAsync(cycle, default);

        await Store.ReopenAsync();

        var loaded = await Store.Cycles.GetAsync(cycle.Id, default);
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
    [InlineData("nul\u0000inside, \"quotes\", back\\slash, <tags> & 'apostrophes'")]
    public async Task Text_IsStoredExactly_NeitherTrimmedNorNulled(string text)
    {
        var track = Sample.Track() with { Name = text };
        var cycle = Sample.Cycle(track.Id);
        var nomination = Sample.Nomination(cycle, media: Sample.Film(title: "T" + text, year: null)) with { Pitch = text, VetoReason = text };
        var prompt = Sample.Prompt(track.Id, text: text);
        await Store.Clubs.SaveAsync(Sample.Club(1000, track), default);
        Assert.Null(await Store.Nominations.AddAsync(nomination, default));
        await Store.Prompts.SaveAsync([prompt], default);

        await Store.ReopenAsync();

        var club = await Store.Clubs.GetAsync(1000, default);
        Assert.Equal(text, club!.Tracks[0].Name);
        var loaded = await Store.Nominations.GetAsync(nomination.Id, default);
        Assert.Equal(text, loaded!.Pitch);
        Assert.Equal(text, loaded.VetoReason);
        Assert.Equal("T" + text, loaded.Media.Title);
        Assert.Equal(text, Assert.Single(await Store.Prompts.ListByTrackAsync(track.Id, default)).Text);
    }

    [Fact]
    public async Task Enums_EveryValue_RoundTrips()
    {
        var track = TrackId.New();
        var number = 1;
        foreach (var phase in Enum.GetValues<CyclePhase>())
        {
            await Store.Cycles.SaveAsync(Sample.Cycle(track, number++) with { Phase = phase }, default);
        }

        var tracks = Enum.GetValues<VotingMethod>()
            .Select((method, i) => Sample.Track(name: $"Track {i}", kind: i % 2 == 0 ? MediaKind.Film : MediaKind.Album) with { Rules = TrackRules.Default with { VotingMethod = method } })
            .ToArray();
        await Store.Clubs.SaveAsync(Sample.Club(1000, tracks), default);
        var prompts = Enum.GetValues<PromptSource>().Select(source => Sample.Prompt(track) with { Source = source }).ToList();
        await Store.Prompts.SaveAsync(prompts, default);

        await Store.ReopenAsync();

        var phases = (await Store.Cycles.ListByTrackAsync(track, default)).Select(c => c.Phase);
        Assert.Equal(Enum.GetValues<CyclePhase>(), phases);
        var club = await Store.Clubs.GetAsync(1000, default);
        Assert.Equal(Enum.GetValues<VotingMethod>(), club!.Tracks.Select(t => t.Rules.VotingMethod));
        Assert.Equal(tracks.Select(t => t.Kind), club.Tracks.Select(t => t.Kind));
        Assert.Equal(Enum.GetValues<PromptSource>().Order(), (await Store.Prompts.ListByTrackAsync(track, default)).Select(p => p.Source).Order());
    }

    [Fact]
    public async Task Club_WithTracks_RoundTripsWholly()
    {
        var club = Sample.Club(77, Sample.Track(77), Sample.Track(77, "Album Club", MediaKind.Album) with { Name = "", ChannelKind = TrackChannelKind.Forum });

        await Store.Clubs.SaveAsync(club, default);
        await Store.ReopenAsync();

        var loaded = await Store.Clubs.GetAsync(77, default);
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
        var schedule = new TrackSchedule
        {
            EveryWeeks = 2,
            NominationsOpen = new(DayOfWeek.Sunday, new TimeOnly(9, 30)),
            VotingOpens = new(DayOfWeek.Wednesday, new TimeOnly(20, 15)),
            VotingCloses = new(DayOfWeek.Saturday, new TimeOnly(23, 59)),
            PromptDays = [0, 2, 9],
            PromptTime = new TimeOnly(7, 5),
            VotingReminders = [TimeSpan.FromMinutes(90), TimeSpan.FromDays(2)],
            Paused = true,
            Party = new(DayOfWeek.Saturday, new TimeOnly(20, 30)),
            PartyReminders = [TimeSpan.FromHours(3), TimeSpan.FromMinutes(15)],
            PartyEvent = true,
        };
        var track = Sample.Track() with { Schedule = schedule, ReminderRoleId = ulong.MaxValue - 7, DmReminderMembers = [11, 12, ulong.MaxValue] };
        await Store.Clubs.SaveAsync(Sample.Club(1000, track), default);

        await Store.ReopenAsync();

        var loaded = Assert.Single((await Store.Clubs.GetAsync(1000, default))!.Tracks);
        TrackAssert.Same(track, loaded);
        Assert.Equal(schedule.Party, loaded.Schedule.Party);
        Assert.Equal(schedule.PartyReminders, loaded.Schedule.PartyReminders);
        Assert.True(loaded.Schedule.PartyEvent);
    }

    [Fact]
    public async Task Cycle_WithEveryOptionalField_RoundTrips()
    {
        var cycle = Sample.Cycle(TrackId.New()).WithStepDone("nominations").WithStepDone("remind-1").WithStepDone("prompt-2") with
        {
            NextCycleNotBefore = Sample.Now.AddDays(9),
            PartyEventId = 1_100_000_000_000_000_001,
            PickId = NominationId.New(),
            AnnouncedAt = Sample.Now.AddDays(4),
            ClosedAt = Sample.Now.AddDays(7),
            RatingsRevealedAt = Sample.Now.AddDays(8),
        };
        await Store.Cycles.SaveAsync(cycle, default);

        await Store.ReopenAsync();

        var loaded = await Store.Cycles.GetAsync(cycle.Id, default);
        Assert.Equal(cycle, loaded);
        Assert.Equal(["nominations", "prompt-2", "remind-1"], loaded!.StepsDone.Keys);
    }

    [Fact]
    public async Task Nominations_FilmsAndAlbums_WithAndWithoutCatalogueFacts_RoundTrip()
    {
        var cycle = Sample.Cycle(TrackId.New());
        var facts = new CatalogueFacts { Id = "tmdb:348", ImdbId = "tt0078748", Synopsis = "In space no one can hear you scream.", RuntimeMinutes = 117, ImageUrl = new Uri("https://image.tmdb.org/t/p/w342/alien.jpg") };
        MediaItem[] media =
        [
            Sample.Film("One"), Sample.Film("Two", year: null) with { Director = null, Link = null }, Sample.Album("Three"),
            Sample.Film("Four") with { Catalogue = facts }, Sample.Album("Five") with { Catalogue = new CatalogueFacts { Id = "musicbrainz:b1392450-e666-3926-a536-22c65f834433", TrackCount = 12 } },
        ];
        var nominations = media.Select((item, i) => Sample.Nomination(cycle, member: ulong.MaxValue - (ulong)i, media: item, at: Sample.Now.AddSeconds(i)) with
        {
            Status = i % 2 == 0 ? NominationStatus.Vetoed : NominationStatus.Active,
            VetoReason = i % 2 == 0 ? "off-topic" : null,
            CarriedOver = i,
            Pitch = i == 1 ? null : "pitch",
        }).ToList();
        foreach (var nomination in nominations)
        {
            Assert.Null(await Store.Nominations.AddAsync(nomination, default));
        }

        await Store.ReopenAsync();

        Assert.Equal(nominations, await Store.Nominations.ListByCycleAsync(cycle.Id, default));
    }

    [Fact]
    public async Task Picks_Ratings_AndOutboxMessages_RoundTripWholly()
    {
        var cycle = Sample.Cycle(TrackId.New());
        var pick = Sample.Pick(cycle) with { Media = Sample.Album() with { Catalogue = new CatalogueFacts { Id = "musicbrainz:x", TrackCount = 9 } }, Pitch = null, ThreadId = null };
        var rating = Sample.Rating(cycle, ulong.MaxValue, 10, review: "  spaced  ") with { RatedAt = Sample.Now.AddTicks(7) };
        var id = Guid.NewGuid();
        var message = new OutboxMessage
        {
            Id = id,
            Nonce = OutboxMessage.NonceFor(id),
            GuildId = ulong.MaxValue,
            TrackId = cycle.TrackId,
            ChannelId = (ulong)long.MaxValue + 1,
            Kind = "pick-announced",
            IntentKey = cycle.Id.ToString(),
            Payload = "{\"content\":\"🎬\"}",
            ForumPostName = "Heat — Film Night",
            CreatedAt = Sample.Now.AddTicks(3),
            Attempts = 2,
            NextAttemptAt = Sample.Now.AddSeconds(4),
        };
        await Store.Picks.SaveAsync(pick, default);
        await Store.Ratings.UpsertAsync(rating, default);
        await Store.Outbox.AddOrGetAsync(message, default);

        await Store.ReopenAsync();

        Assert.Equal(pick, await Store.Picks.GetByCycleAsync(cycle.Id, default));
        Assert.Equal(rating, await Store.Ratings.GetAsync(cycle.Id, ulong.MaxValue, default));
        Assert.Equal(message, await Store.Outbox.GetAsync(id, default));
    }
}

public sealed class LiteDbRoundTripContract : RoundTripContract
{
    protected override Task<StoreUnderTest> OpenStoreAsync() => LiteDbStoreUnderTest.OpenAsync();
}

public sealed class PostgresRoundTripContract : RoundTripContract
{
    protected override Task<StoreUnderTest> OpenStoreAsync() => PostgresStoreUnderTest.OpenAsync();
}
