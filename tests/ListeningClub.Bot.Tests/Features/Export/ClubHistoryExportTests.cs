using System.Text.Json;
using ListeningClub.Application.History;
using ListeningClub.Bot.Features.Export;
using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Ratings;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Bot.Tests.Features.Export;

public sealed class ClubHistoryExportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Json_HoldsTheHistory_WithIdsAsExactStrings_AndOnlyWhatTheHistoryMadePublic()
    {
        var track = Track(ulong.MaxValue);
        var announced = Cycle(track, 1, CyclePhase.Announced);
        var voting = Cycle(track, 2, CyclePhase.Voting);
        var history = new ClubHistory(
            new Domain.Clubs.Club { GuildId = ulong.MaxValue, Tracks = [track] },
            [new TrackHistory(track, [
                new CycleHistory(announced, [Nomination(announced, "🎬 שלום") with { Media = new Film { Title = "🎬 שלום", Catalogue = new CatalogueFacts { Id = "tmdb:1", ImdbId = "tt0000001" } } }], null, new string('5', 64), [new Ballot { CycleId = announced.Id, MemberId = 7, Choices = [NominationId.New()], CastAt = Now }], null),
                new CycleHistory(voting, [], null, null, null, null),
            ], [])]);

        var text = ClubHistoryJson.Write(history);

        using var json = JsonDocument.Parse(text);
        Assert.Equal("18446744073709551615", json.RootElement.GetProperty("guildId").GetString());
        var cycles = json.RootElement.GetProperty("tracks")[0].GetProperty("cycles");
        Assert.Equal(new string('5', 64), cycles[0].GetProperty("tieBreakSeed").GetString());
        Assert.Equal("🎬 שלום", cycles[0].GetProperty("nominations")[0].GetProperty("media").GetProperty("title").GetString());
        Assert.Equal("7", cycles[0].GetProperty("ballots")[0].GetProperty("memberId").GetString());
        Assert.Equal("tmdb:1", cycles[0].GetProperty("nominations")[0].GetProperty("media").GetProperty("catalogueId").GetString());
        Assert.Equal("tt0000001", cycles[0].GetProperty("nominations")[0].GetProperty("media").GetProperty("imdbId").GetString());
        Assert.False(cycles[0].TryGetProperty("ratings", out _), "ratings stay sealed until revealed");
        Assert.False(cycles[1].TryGetProperty("tieBreakSeed", out _), "the seed of an open vote is secret");
        Assert.False(cycles[1].TryGetProperty("ballots", out _), "ballots of an open vote are not exported");
        Assert.DoesNotContain(voting.TieBreakSeedHex!, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Letterboxd_ListsPicksInOrder_WithLocalWatchDates_AndOnlyRevealedRatings()
    {
        var track = Track(1000) with { TimeZoneId = "America/Los_Angeles" };
        var first = Cycle(track, 1, CyclePhase.Closed);
        var second = Cycle(track, 2, CyclePhase.Announced);

        // 2026-11-24 03:00 UTC is still 23 November in Los Angeles.
        var history = new TrackHistory(track, [
            new CycleHistory(first, [], Pick(first, "Paris, Texas", 1984, new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero)) with { Media = new Film { Title = "Paris, Texas", Year = 1984, Catalogue = new CatalogueFacts { Id = "tmdb:655", ImdbId = "tt0087884" } } }, null, null,
                [Rating(first, 10, 8, "Line one,\nline two"), Rating(first, 11, 5, null)]),
            new CycleHistory(second, [], Pick(second, "Say \"Anything\"", null, new DateTimeOffset(2026, 12, 1, 20, 0, 0, TimeSpan.Zero)), null, null, null),
        ], []);

        Assert.Equal(
            "Title,Year,tmdbID,imdbID,WatchedDate,Rating10,Review\n" +
            "\"Paris, Texas\",1984,655,tt0087884,2026-11-23,7,\n" +
            "\"Say \"\"Anything\"\"\",,,,2026-12-01,,\n",
            LetterboxdCsv.Write(history, null));
        Assert.Equal(
            "Title,Year,tmdbID,imdbID,WatchedDate,Rating10,Review\n" +
            "\"Paris, Texas\",1984,655,tt0087884,2026-11-23,8,\"Line one,\nline two\"\n" +
            "\"Say \"\"Anything\"\"\",,,,2026-12-01,,\n",
            LetterboxdCsv.Write(history, 10));
    }

    [Fact]
    public void Letterboxd_AlbumTrack_IsRefused()
    {
        var track = Track(1000) with { Kind = MediaKind.Album };

        Assert.Throws<ArgumentException>(() => LetterboxdCsv.Write(new TrackHistory(track, [], []), null));
    }

    private static Track Track(ulong guildId) => new()
    {
        Id = TrackId.New(),
        GuildId = guildId,
        Name = "Film Night",
        Kind = MediaKind.Film,
        ChannelId = 2000,
        TimeZoneId = "Europe/Berlin",
    };

    private static Cycle Cycle(Track track, int number, CyclePhase phase) => new()
    {
        Id = CycleId.New(),
        TrackId = track.Id,
        Number = number,
        Phase = phase,
        StartedAt = Now,
        TieBreakSeedHex = Convert.ToHexString(Guid.NewGuid().ToByteArray()) + Convert.ToHexString(Guid.NewGuid().ToByteArray()),
    };

    private static Nomination Nomination(Cycle cycle, string title) => new()
    {
        Id = NominationId.New(),
        TrackId = cycle.TrackId,
        CycleId = cycle.Id,
        MemberId = 10,
        Media = new Film { Title = title },
        NominatedAt = Now,
    };

    private static Pick Pick(Cycle cycle, string title, int? year, DateTimeOffset at) => new()
    {
        CycleId = cycle.Id,
        TrackId = cycle.TrackId,
        GuildId = 1000,
        CycleNumber = cycle.Number,
        NominationId = NominationId.New(),
        Media = new Film { Title = title, Year = year },
        NominatorId = 10,
        AnnouncedAt = at,
        Method = VotingMethod.InstantRunoff,
        BallotCount = 3,
        CandidateCount = 2,
        TieBroken = false,
        TieBreakSeedHex = new string('c', 64),
        TieBreakCommitment = new string('d', 64),
    };

    private static Rating Rating(Cycle cycle, ulong member, int score, string? review) => new()
    {
        CycleId = cycle.Id,
        TrackId = cycle.TrackId,
        MemberId = member,
        Score = score,
        Review = review,
        RatedAt = Now,
    };
}
