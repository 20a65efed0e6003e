using LiteDB;
using ListeningClub.Storage.Mapping;

namespace ListeningClub.Storage.Migrations;

/// <summary>Version 1: the metadata collection with the marker that identifies the file as ListeningClub's.</summary>
internal sealed class Migration0001_Metadata : IMigration
{
    public int Version => 1;

    public string Description => "metadata marker";

    public void Apply(LiteDatabase db, DateTimeOffset now)
    {
        var meta = db.GetCollection(StoreMetadata.Collection);
        if (meta.FindById(StoreMetadata.MarkerId) is null)
        {
            meta.Insert(new BsonDocument
            {
                ["_id"] = StoreMetadata.MarkerId,
                [StoreMetadata.ApplicationField] = StoreMetadata.ApplicationName,
                ["createdAt"] = Bson.FromInstant(now),
            });
        }
    }
}
