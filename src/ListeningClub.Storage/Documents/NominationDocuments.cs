using LiteDB;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Nominations;
using ListeningClub.Storage.Mapping;

namespace ListeningClub.Storage.Documents;

/// <summary>
/// A nomination document (_id = nomination id). <c>activeKey</c> carries a unique index: for an active nomination it is
/// (cycle, normalised key), so two active nominations of the same film or album in one cycle cannot both be stored;
/// a withdrawn or vetoed one gets a key of its own and no longer blocks a new nomination.
/// </summary>
internal static class NominationDocuments
{
    public const string ActiveKeyIndex = "activeKey";

    public static string ActiveKey(CycleId cycleId, string identityKey) => $"{cycleId.Value:N}|{identityKey}";

    public static BsonDocument ToDocument(Nomination nomination)
    {
        ArgumentNullException.ThrowIfNull(nomination);
        return new BsonDocument
        {
            ["_id"] = nomination.Id.Value,
            ["trackId"] = nomination.TrackId.Value,
            ["cycleId"] = nomination.CycleId.Value,
            ["memberId"] = Bson.FromId(nomination.MemberId),
            ["media"] = MediaDocuments.ToDocument(nomination.Media),
            ["pitch"] = Bson.FromOptionalString(nomination.Pitch),
            ["nominatedAt"] = Bson.FromInstant(nomination.NominatedAt),
            ["status"] = Bson.FromEnum(nomination.Status),
            ["vetoReason"] = Bson.FromOptionalString(nomination.VetoReason),
            ["carriedOver"] = nomination.CarriedOver,
            ["key"] = nomination.Key,
            [ActiveKeyIndex] = nomination.IsActive ? ActiveKey(nomination.CycleId, nomination.Key) : $"~{nomination.Id.Value:N}",
        };
    }

    public static Nomination FromDocument(BsonDocument document) => new()
    {
        Id = new NominationId(document["_id"].AsGuid),
        TrackId = new TrackId(document["trackId"].AsGuid),
        CycleId = new CycleId(document["cycleId"].AsGuid),
        MemberId = Bson.ToId(document["memberId"]),
        Media = MediaDocuments.FromDocument(document["media"].AsDocument),
        Pitch = Bson.ToOptionalString(Bson.Get(document, "pitch")),
        NominatedAt = Bson.ToInstant(document["nominatedAt"]),
        Status = Bson.ToEnum<NominationStatus>(document["status"]),
        VetoReason = Bson.ToOptionalString(Bson.Get(document, "vetoReason")),
        CarriedOver = document["carriedOver"].AsInt32,
    };
}
