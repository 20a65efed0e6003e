using LiteDB;
using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Common;
using ListeningClub.Storage.Mapping;

namespace ListeningClub.Storage.Documents;

/// <summary>
/// A ballot is keyed by (cycle, member) as one 24-byte binary _id: the primary key IS the "one ballot per member per
/// cycle" rule, an upsert replaces the earlier ballot atomically, and a cycle's ballots are one range of the index.
/// </summary>
internal static class BallotDocuments
{
    public static BsonValue Key(CycleId cycleId, ulong memberId) => Bson.CompositeKey(cycleId.Value, memberId);

    public static BsonDocument ToDocument(Ballot ballot)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        var choices = new BsonArray();
        foreach (var choice in ballot.Choices)
        {
            choices.Add(new BsonValue(choice.Value));
        }

        return new BsonDocument
        {
            ["_id"] = Key(ballot.CycleId, ballot.MemberId),
            ["choices"] = choices,
            ["castAt"] = Bson.FromInstant(ballot.CastAt),
        };
    }

    public static Ballot FromDocument(BsonDocument document)
    {
        var (cycle, member) = Bson.SplitCompositeKey(document["_id"]);
        var choices = document["choices"].AsArray;
        var ids = new NominationId[choices.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = new NominationId(choices[i].AsGuid);
        }

        return new Ballot
        {
            CycleId = new CycleId(cycle),
            MemberId = member,
            Choices = ids,
            CastAt = Bson.ToInstant(document["castAt"]),
        };
    }
}
