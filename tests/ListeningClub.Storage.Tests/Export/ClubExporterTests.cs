using System.Text.Json;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;
using ListeningClub.Storage.Export;
using ListeningClub.Storage.Repositories;
using ListeningClub.Storage.Tests.Support;

namespace ListeningClub.Storage.Tests.Export;

public sealed class ClubExporterTests
{
    [Fact]
    public async Task Json_HoldsTheHistory_WithIdsAsExactStrings_AndKeepsSecretsSecret()
    {
        await using var test = new TestStore();
        var exporter = Exporter(test);
        var track = Sample.Track(ulong.MaxValue);
        await new ClubRepository(test.Store).SaveAsync(Sample.Club(ulong.MaxValue, track), default);
        var announced = Sample.Cycle(track.Id, 1) with { Phase = CyclePhase.Announced, AnnouncedAt = Sample.Now.AddDays(4), TieBreakSeedHex = new string('5', 64) };
        var voting = Sample.Cycle(track.Id, 2) with { TieBreakSeedHex = new string('9', 64) };
        await new CycleRepository(test.Store).SaveAsync(announced, default);
        await new CycleRepository(test.Store).SaveAsync(voting, default);
        await new NominationRepository(test.Store).AddAsync(Sample.Nomination(announced, media: Sample.Film("🎬 שלום"), at: Sample.Now), default);
        await new BallotRepository(test.Store).UpsertAsync(Sample.Ballot(announced.Id, 7), default);
        await new BallotRepository(test.Store).UpsertAsync(Sample.Ballot(voting.Id, 8), default);
        await new RatingRepository(test.Store).UpsertAsync(Sample.Rating(announced, 7), default);

        var text = await exporter.ExportClubJsonAsync(ulong.MaxValue, default);

        using var json = JsonDocument.Parse(text!);
        Assert.Equal("18446744073709551615", json.RootElement.GetProperty("guildId").GetString());
        var cycles = json.RootElement.GetProperty("tracks")[0].GetProperty("cycles");
        Assert.Equal(new string('5', 64), cycles[0].GetProperty("tieBreakSeed").GetString());
        Assert.Equal("🎬 שלום", cycles[0].GetProperty("nominations")[0].GetProperty("media").GetProperty("title").GetString());
        Assert.Equal("7", cycles[0].GetProperty("ballots")[0].GetProperty("memberId").GetString());
        Assert.False(cycles[0].TryGetProperty("ratings", out _), "ratings stay sealed until revealed");
        Assert.False(cycles[1].TryGetProperty("tieBreakSeed", out _), "the seed of an open vote is secret");
        Assert.False(cycles[1].TryGetProperty("ballots", out _), "ballots of an open vote are not exported");
        Assert.DoesNotContain(new string('9', 64), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_UnknownClub_IsNull()
    {
        await using var test = new TestStore();

        Assert.Null(await Exporter(test).ExportClubJsonAsync(1, default));
    }

    [Fact]
    public async Task Letterboxd_ListsPicksInOrder_WithLocalWatchDates_AndOnlyRevealedRatings()
    {
        await using var test = new TestStore();
        var track = Sample.Track() with { TimeZoneId = "America/Los_Angeles" };
        await new ClubRepository(test.Store).SaveAsync(Sample.Club(1000, track), default);
        var first = Sample.Cycle(track.Id, 1) with { Phase = CyclePhase.Closed, RatingsRevealedAt = Sample.Now };
        var second = Sample.Cycle(track.Id, 2) with { Phase = CyclePhase.Announced };
        await new CycleRepository(test.Store).SaveAsync(first, default);
        await new CycleRepository(test.Store).SaveAsync(second, default);
        var picks = new PickRepository(test.Store);

        // 2026-11-24 03:00 UTC is still 23 November in Los Angeles.
        await picks.SaveAsync(Sample.Pick(first, number: 1, at: new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero)) with { Media = Sample.Film("Paris, Texas", 1984) }, default);
        await picks.SaveAsync(Sample.Pick(second, number: 2, at: new DateTimeOffset(2026, 12, 1, 20, 0, 0, TimeSpan.Zero)) with { Media = Sample.Film("Say \"Anything\"", null) }, default);
        var ratings = new RatingRepository(test.Store);
        await ratings.UpsertAsync(Sample.Rating(first, 10, 8, "Line one,\nline two"), default);
        await ratings.UpsertAsync(Sample.Rating(first, 11, 5), default);
        await ratings.UpsertAsync(Sample.Rating(second, 10, 2, "sealed"), default);

        var club = await Exporter(test).ExportLetterboxdCsvAsync(1000, track.Id, null, default);
        var mine = await Exporter(test).ExportLetterboxdCsvAsync(1000, track.Id, 10, default);

        Assert.Equal(
            "Title,Year,WatchedDate,Rating10,Review\n" +
            "\"Paris, Texas\",1984,2026-11-23,7,\n" +
            "\"Say \"\"Anything\"\"\",,2026-12-01,,\n",
            club);
        Assert.Equal(
            "Title,Year,WatchedDate,Rating10,Review\n" +
            "\"Paris, Texas\",1984,2026-11-23,8,\"Line one,\nline two\"\n" +
            "\"Say \"\"Anything\"\"\",,2026-12-01,,\n",
            mine);
    }

    [Fact]
    public async Task Letterboxd_AlbumTrack_IsRefused()
    {
        await using var test = new TestStore();
        var track = Sample.Track(kind: MediaKind.Album);
        await new ClubRepository(test.Store).SaveAsync(Sample.Club(1000, track), default);

        await Assert.ThrowsAsync<ArgumentException>(() => Exporter(test).ExportLetterboxdCsvAsync(1000, track.Id, null, default));
    }

    private static ClubExporter Exporter(TestStore test) => new(
        new ClubRepository(test.Store),
        new CycleRepository(test.Store),
        new NominationRepository(test.Store),
        new BallotRepository(test.Store),
        new PickRepository(test.Store),
        new RatingRepository(test.Store),
        new PromptRepository(test.Store));
}
