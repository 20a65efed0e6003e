using System.Buffers.Binary;
using LiteDB;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Storage.Mapping;

namespace ListeningClub.Storage.Documents;

/// <summary>A cycle document (_id = cycle id). <c>trackNumber</c> (track id + number, binary) is unique: one cycle N per track.</summary>
internal static class CycleDocuments
{
    public const string TrackNumberIndex = "trackNumber";

    public static BsonValue TrackNumber(TrackId trackId, int number)
    {
        var bytes = new byte[20];
        trackId.Value.TryWriteBytes(bytes.AsSpan(0, 16), bigEndian: true, out _);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(16), unchecked((uint)number) ^ 0x8000_0000u);
        return new BsonValue(bytes);
    }

    public static (BsonValue From, BsonValue To) TrackRange(TrackId trackId) => (TrackNumber(trackId, int.MinValue), TrackNumber(trackId, int.MaxValue));

    public static BsonDocument ToDocument(Cycle cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        return new BsonDocument
        {
            ["_id"] = cycle.Id.Value,
            ["trackId"] = cycle.TrackId.Value,
            ["number"] = cycle.Number,
            [TrackNumberIndex] = TrackNumber(cycle.TrackId, cycle.Number),
            ["phase"] = Bson.FromEnum(cycle.Phase),
            ["startedAt"] = Bson.FromInstant(cycle.StartedAt),
            ["votingOpensAt"] = Bson.FromOptionalInstant(cycle.VotingOpensAt),
            ["votingClosesAt"] = Bson.FromOptionalInstant(cycle.VotingClosesAt),
            ["votingOpenedAt"] = Bson.FromOptionalInstant(cycle.VotingOpenedAt),
            ["announcedAt"] = Bson.FromOptionalInstant(cycle.AnnouncedAt),
            ["closedAt"] = Bson.FromOptionalInstant(cycle.ClosedAt),
            ["tieBreakSeed"] = Bson.FromOptionalString(cycle.TieBreakSeedHex),
            ["tieBreakCommitment"] = Bson.FromOptionalString(cycle.TieBreakCommitment),
            ["pickId"] = cycle.PickId is { } pick ? new BsonValue(pick.Value) : BsonValue.Null,
            ["ratingsRevealedAt"] = Bson.FromOptionalInstant(cycle.RatingsRevealedAt),
            ["nextCycleNotBefore"] = Bson.FromOptionalInstant(cycle.NextCycleNotBefore),
            ["partyEventId"] = Bson.FromOptionalId(cycle.PartyEventId),
            ["stepsDone"] = new BsonArray(cycle.StepsDone.Keys.Select(k => new BsonValue(k))),
        };
    }

    public static Cycle FromDocument(BsonDocument document)
    {
        var pick = Bson.Get(document, "pickId");
        return new Cycle
        {
            Id = new CycleId(document["_id"].AsGuid),
            TrackId = new TrackId(document["trackId"].AsGuid),
            Number = document["number"].AsInt32,
            Phase = Bson.ToEnum<CyclePhase>(document["phase"]),
            StartedAt = Bson.ToInstant(document["startedAt"]),
            VotingOpensAt = Bson.ToOptionalInstant(Bson.Get(document, "votingOpensAt")),
            VotingClosesAt = Bson.ToOptionalInstant(Bson.Get(document, "votingClosesAt")),
            VotingOpenedAt = Bson.ToOptionalInstant(Bson.Get(document, "votingOpenedAt")),
            AnnouncedAt = Bson.ToOptionalInstant(Bson.Get(document, "announcedAt")),
            ClosedAt = Bson.ToOptionalInstant(Bson.Get(document, "closedAt")),
            TieBreakSeedHex = Bson.ToOptionalString(Bson.Get(document, "tieBreakSeed")),
            TieBreakCommitment = Bson.ToOptionalString(Bson.Get(document, "tieBreakCommitment")),
            PickId = pick.IsNull ? null : new NominationId(pick.AsGuid),
            RatingsRevealedAt = Bson.ToOptionalInstant(Bson.Get(document, "ratingsRevealedAt")),
            NextCycleNotBefore = Bson.ToOptionalInstant(Bson.Get(document, "nextCycleNotBefore")),
            PartyEventId = Bson.ToOptionalId(Bson.Get(document, "partyEventId")),
            StepsDone = Bson.Get(document, "stepsDone") is { IsArray: true } done ? DoneSteps.Of(done.AsArray.Select(k => k.AsString)) : DoneSteps.None,
        };
    }
}
