using CsCheck;
using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Ratings;
using ListeningClub.Storage.Postgres.Tests.Support;
using ListeningClub.Storage.Tests.Support;

namespace ListeningClub.Storage.Postgres.Tests.Contract;

/// <summary>Property tests through the store: whatever ids, instants and text the domain hands in come back unchanged.</summary>
public abstract class ValuePropertyContract : ContractTest
{
    private const int Iterations = 150;

    /// <summary>Any id, with the edges of the signed/unsigned boundary drawn often.</summary>
    private static readonly Gen<ulong> Ids = Gen.OneOf(Gen.ULong, Gen.OneOf(0UL, 1UL, (ulong)long.MaxValue, (ulong)long.MaxValue + 1, ulong.MaxValue - 1, ulong.MaxValue));

    private static readonly Gen<DateTimeOffset> Instants =
        from ticks in Gen.Long[DateTimeOffset.MinValue.UtcTicks + TimeSpan.TicksPerDay, DateTimeOffset.MaxValue.UtcTicks - TimeSpan.TicksPerDay]
        from minutes in Gen.Int[-14 * 60, 14 * 60]
        select new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(minutes));

    /// <summary>Well-formed Unicode text (any scalar value, surrogate pairs included, control characters and NUL too).</summary>
    private static readonly Gen<string> Texts = Gen.Int[0, 0x10FFFF].Where(c => c is < 0xD800 or > 0xDFFF).Array[0, 40]
        .Select(points => string.Concat(points.Select(char.ConvertFromUtf32)));

    [Fact]
    public async Task Ballots_AnyMemberChoicesAndInstant_ReadBackExactly()
    {
        var ballots =
            from member in Ids
            from choices in Gen.Guid.Array[0, 10]
            from castAt in Instants
            select new Ballot { CycleId = CycleId.New(), MemberId = member, Choices = choices.Select(c => new NominationId(c)).ToList(), CastAt = castAt };

        await ballots.SampleAsync(
            async ballot =>
            {
                await Store.Ballots.UpsertAsync(ballot, default);
                var back = await Store.Ballots.GetAsync(ballot.CycleId, ballot.MemberId, default);
                return back is not null
                    && back.MemberId == ballot.MemberId
                    && back.Choices.SequenceEqual(ballot.Choices)
                    && back.CastAt.UtcTicks == ballot.CastAt.UtcTicks
                    && back.CastAt.Offset == TimeSpan.Zero;
            },
            iter: Iterations,
            threads: 1);
    }

    [Fact]
    public async Task Ratings_AnyMemberReviewAndInstant_ReadBackExactly()
    {
        var ratings =
            from member in Ids
            from score in Gen.Int[Rating.MinScore, Rating.MaxScore]
            from review in Gen.Null(Texts)
            from ratedAt in Instants
            select new Rating { CycleId = CycleId.New(), TrackId = TrackId.New(), MemberId = member, Score = score, Review = review, RatedAt = ratedAt };

        await ratings.SampleAsync(
            async rating =>
            {
                await Store.Ratings.UpsertAsync(rating, default);
                return await Store.Ratings.GetAsync(rating.CycleId, rating.MemberId, default) == rating;
            },
            iter: Iterations,
            threads: 1);
    }

    [Fact]
    public async Task Nominations_AnyTitlePitchMemberAndInstant_ReadBackExactly()
    {
        var nominations =
            from title in Texts
            from pitch in Gen.Null(Texts)
            from member in Ids
            from at in Instants
            select Sample.Nomination(Sample.Cycle(TrackId.New()), member: member, media: Sample.Film("T" + title, year: null), at: at) with { Pitch = pitch };

        await nominations.SampleAsync(
            async nomination =>
            {
                var existing = await Store.Nominations.AddAsync(nomination, default);
                return existing is null && await Store.Nominations.GetAsync(nomination.Id, default) == nomination;
            },
            iter: Iterations,
            threads: 1);
    }

    [Fact]
    public async Task Clubs_AnyGuildRoleAndTrackName_ReadBackExactly()
    {
        var clubs =
            from guild in Ids
            from hasRole in Gen.Bool
            from roleId in Ids
            let role = hasRole ? roleId : (ulong?)null
            from name in Texts
            from channel in Ids
            select Sample.Club(guild, Sample.Track(guild, name) with { ChannelId = channel }) with { ManagerRoleId = role };

        await clubs.SampleAsync(
            async club =>
            {
                await Store.Clubs.SaveAsync(club, default);
                var back = await Store.Clubs.GetAsync(club.GuildId, default);
                return back is not null
                    && back.GuildId == club.GuildId
                    && back.ManagerRoleId == club.ManagerRoleId
                    && back.Tracks.Count == 1
                    && back.Tracks[0] == club.Tracks[0];
            },
            iter: Iterations,
            threads: 1);
    }
}

public sealed class LiteDbValuePropertyContract : ValuePropertyContract
{
    protected override Task<StoreUnderTest> OpenStoreAsync() => LiteDbStoreUnderTest.OpenAsync();
}

public sealed class PostgresValuePropertyContract : ValuePropertyContract
{
    protected override Task<StoreUnderTest> OpenStoreAsync() => PostgresStoreUnderTest.OpenAsync();
}
