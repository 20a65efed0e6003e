using LiteDB;
using ListeningClub.Domain.Media;
using ListeningClub.Storage.Mapping;

namespace ListeningClub.Storage.Documents;

/// <summary>A catalogue entry document (_id = catalogue id: one entry per catalogue item). The JSON is kept as a string, unread.</summary>
internal static class CatalogueEntryDocuments
{
    public static BsonDocument ToDocument(CatalogueEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new BsonDocument
        {
            ["_id"] = entry.CatalogueId,
            ["json"] = entry.Json,
            ["fetchedAt"] = Bson.FromInstant(entry.FetchedAt),
        };
    }

    /// <summary>The entry; <see cref="InvalidDataException"/> when the document is not one this version wrote.</summary>
    public static CatalogueEntry FromDocument(BsonDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var id = document["_id"];
        var json = Bson.Get(document, "json");
        var fetchedAt = Bson.Get(document, "fetchedAt");
        if (!id.IsString || !json.IsString || !fetchedAt.IsInt64)
        {
            throw new InvalidDataException($"The catalogue entry {id} cannot be read: its fields are not the ones a catalogue entry has.");
        }

        return new CatalogueEntry
        {
            CatalogueId = id.AsString,
            Json = json.AsString,
            FetchedAt = Bson.ToInstant(fetchedAt),
        };
    }
}
