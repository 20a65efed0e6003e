using LiteDB;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Voting;
using ListeningClub.Storage.Mapping;

namespace ListeningClub.Storage.Documents;

/// <summary>A pick document (_id = cycle id: one pick per cycle).</summary>
internal static class PickDocuments
{
    public static BsonDocument ToDocument(Pick pick)
    {
        ArgumentNullException.ThrowIfNull(pick);
        return new BsonDocument
        {
            ["_id"] = pick.CycleId.Value,
            ["trackId"] = pick.TrackId.Value,
            ["guildId"] = Bson.FromId(pick.GuildId),
            ["cycleNumber"] = pick.CycleNumber,
            ["nominationId"] = pick.NominationId.Value,
            ["media"] = MediaDocuments.ToDocument(pick.Media),
            ["nominatorId"] = Bson.FromId(pick.NominatorId),
            ["pitch"] = Bson.FromOptionalString(pick.Pitch),
            ["announcedAt"] = Bson.FromInstant(pick.AnnouncedAt),
            ["method"] = Bson.FromEnum(pick.Method),
            ["ballotCount"] = pick.BallotCount,
            ["candidateCount"] = pick.CandidateCount,
            ["tieBroken"] = pick.TieBroken,
            ["tieBreakSeed"] = pick.TieBreakSeedHex,
            ["tieBreakCommitment"] = pick.TieBreakCommitment,
            ["threadId"] = Bson.FromOptionalId(pick.ThreadId),
        };
    }

    public static Pick FromDocument(BsonDocument document) => new()
    {
        CycleId = new CycleId(document["_id"].AsGuid),
        TrackId = new TrackId(document["trackId"].AsGuid),
        GuildId = Bson.ToId(document["guildId"]),
        CycleNumber = document["cycleNumber"].AsInt32,
        NominationId = new NominationId(document["nominationId"].AsGuid),
        Media = MediaDocuments.FromDocument(document["media"].AsDocument),
        NominatorId = Bson.ToId(document["nominatorId"]),
        Pitch = Bson.ToOptionalString(Bson.Get(document, "pitch")),
        AnnouncedAt = Bson.ToInstant(document["announcedAt"]),
        Method = Bson.ToEnum<VotingMethod>(document["method"]),
        BallotCount = document["ballotCount"].AsInt32,
        CandidateCount = document["candidateCount"].AsInt32,
        TieBroken = document["tieBroken"].AsBoolean,
        TieBreakSeedHex = document["tieBreakSeed"].AsString,
        TieBreakCommitment = document["tieBreakCommitment"].AsString,
        ThreadId = Bson.ToOptionalId(Bson.Get(document, "threadId")),
    };
}
