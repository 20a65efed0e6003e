using LiteDB;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Ratings;
using ListeningClub.Storage.Mapping;

namespace ListeningClub.Storage.Documents;

/// <summary>A rating is keyed by (cycle, member) like a ballot: one per member per pick, an upsert replaces it.</summary>
internal static class RatingDocuments
{
    public static BsonValue Key(CycleId cycleId, ulong memberId) => Bson.CompositeKey(cycleId.Value, memberId);

    public static BsonDocument ToDocument(Rating rating)
    {
        ArgumentNullException.ThrowIfNull(rating);
        return new BsonDocument
        {
            ["_id"] = Key(rating.CycleId, rating.MemberId),
            ["trackId"] = rating.TrackId.Value,
            ["score"] = rating.Score,
            ["review"] = Bson.FromOptionalString(rating.Review),
            ["ratedAt"] = Bson.FromInstant(rating.RatedAt),
        };
    }

    public static Rating FromDocument(BsonDocument document)
    {
        var (cycle, member) = Bson.SplitCompositeKey(document["_id"]);
        return new Rating
        {
            CycleId = new CycleId(cycle),
            MemberId = member,
            TrackId = new TrackId(document["trackId"].AsGuid),
            Score = document["score"].AsInt32,
            Review = Bson.ToOptionalString(Bson.Get(document, "review")),
            RatedAt = Bson.ToInstant(document["ratedAt"]),
        };
    }
}
