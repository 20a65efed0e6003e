using LiteDB;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Voting;
using ListeningClub.Storage.Configuration;
using ListeningClub.Storage.Documents;
using ListeningClub.Storage.Engine;
using Microsoft.Extensions.Logging.Abstractions;

namespace ListeningClub.Benchmarks.Storage;

/// <summary>Fills a store with clubs and a plausible history (cycles, nominations, picks, ballots) up to a target file size.</summary>
internal static class StorageDataBuilder
{
    public static async Task BuildAsync(StorageOptions options, int clubs, int cyclesPerTrack, int targetMegabytes)
    {
        await using var store = LiteStore.Open(options, TimeProvider.System, NullLogger.Instance);
        var random = new Random(1);
        var start = new DateTimeOffset(2024, 1, 5, 17, 0, 0, TimeSpan.Zero);
        var cycleIds = new List<CycleId>();
        for (var c = 0; c < clubs; c++)
        {
            var guild = 1_100_000_000_000_000_000UL + (ulong)c;
            var tracks = new[]
            {
                NewTrack(guild, "Film Night", MediaKind.Film),
                NewTrack(guild, "Album Club", MediaKind.Album),
            };
            var club = new Club { GuildId = guild, ManagerRoleId = guild + 7, Tracks = tracks };
            var documents = new List<(string Collection, BsonDocument Document)> { (Collections.Clubs, ClubDocuments.ToDocument(club)) };
            foreach (var track in tracks)
            {
                for (var n = 1; n <= cyclesPerTrack; n++)
                {
                    var at = start.AddDays(7 * n);
                    var cycle = new Cycle
                    {
                        Id = CycleId.New(),
                        TrackId = track.Id,
                        Number = n,
                        Phase = CyclePhase.Closed,
                        StartedAt = at,
                        VotingOpenedAt = at.AddDays(5),
                        AnnouncedAt = at.AddDays(6),
                        ClosedAt = at.AddDays(7),
                        TieBreakSeedHex = new string('a', 64),
                        TieBreakCommitment = new string('b', 64),
                    };
                    cycleIds.Add(cycle.Id);
                    Nomination? winner = null;
                    for (var k = 0; k < 4; k++)
                    {
                        MediaItem media = track.Kind == MediaKind.Film
                            ? new Film { Title = $"Film {random.Next(100_000)}", Year = 1950 + random.Next(75), Director = "Someone" }
                            : new Album { Title = $"Album {random.Next(100_000)}", Artist = $"Artist {random.Next(5000)}", Year = 1960 + random.Next(65) };
                        var nomination = new Nomination
                        {
                            Id = NominationId.New(),
                            TrackId = track.Id,
                            CycleId = cycle.Id,
                            MemberId = guild + (ulong)k,
                            Media = media,
                            Pitch = "A pitch of a reasonable length, about as long as members usually write.",
                            NominatedAt = at.AddHours(k),
                        };
                        winner ??= nomination;
                        documents.Add((Collections.Nominations, NominationDocuments.ToDocument(nomination)));
                    }

                    documents.Add((Collections.Cycles, CycleDocuments.ToDocument(cycle with { PickId = winner!.Id })));
                    documents.Add((Collections.Picks, PickDocuments.ToDocument(new Pick
                    {
                        CycleId = cycle.Id,
                        TrackId = track.Id,
                        GuildId = guild,
                        CycleNumber = n,
                        NominationId = winner.Id,
                        Media = winner.Media,
                        NominatorId = winner.MemberId,
                        Pitch = winner.Pitch,
                        AnnouncedAt = at.AddDays(6),
                        Method = VotingMethod.InstantRunoff,
                        BallotCount = 12,
                        CandidateCount = 4,
                        TieBroken = false,
                        TieBreakSeedHex = new string('a', 64),
                        TieBreakCommitment = new string('b', 64),
                    })));
                }
            }

            await store.WriteAsync(db =>
            {
                foreach (var group in documents.GroupBy(d => d.Collection))
                {
                    db.GetCollection(group.Key).InsertBulk(group.Select(d => d.Document));
                }
            });
        }

        // Ballots fill the rest: 12 members per cycle, in chunks, until the data file reaches the target size.
        var member = 0UL;
        while (true)
        {
            await store.CheckpointAsync();
            if (new FileInfo(store.DatabasePath).Length >= targetMegabytes * 1024L * 1024L)
            {
                break;
            }

            var chunk = new List<BsonDocument>(12_000);
            for (var i = 0; i < 1000; i++)
            {
                var cycle = cycleIds[random.Next(cycleIds.Count)];
                for (var m = 0; m < 12; m++)
                {
                    chunk.Add(BallotDocuments.ToDocument(new Domain.Ballots.Ballot
                    {
                        CycleId = cycle,
                        MemberId = ++member,
                        Choices = [NominationId.New(), NominationId.New(), NominationId.New()],
                        CastAt = start,
                    }));
                }
            }

            await store.WriteAsync(db => db.GetCollection(Collections.Ballots).InsertBulk(chunk));
        }
    }

    private static Track NewTrack(ulong guild, string name, MediaKind kind) => new()
    {
        Id = TrackId.New(),
        GuildId = guild,
        Name = name,
        Kind = kind,
        ChannelId = guild + 1,
        TimeZoneId = "Europe/Berlin",
    };
}
