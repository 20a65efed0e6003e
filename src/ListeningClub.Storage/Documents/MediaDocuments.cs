using LiteDB;
using ListeningClub.Domain.Media;
using ListeningClub.Storage.Mapping;

namespace ListeningClub.Storage.Documents;

/// <summary>A film or album embedded in a nomination or pick.</summary>
internal static class MediaDocuments
{
    public static BsonDocument ToDocument(MediaItem media)
    {
        ArgumentNullException.ThrowIfNull(media);
        var document = new BsonDocument
        {
            ["kind"] = Bson.FromEnum(media.Kind),
            ["title"] = media.Title,
            ["year"] = Bson.FromOptionalInt(media.Year),
            ["link"] = Bson.FromOptionalString(media.Link?.OriginalString),
            ["catalogue"] = media.Catalogue is { } facts ? CatalogueToDocument(facts) : BsonValue.Null,
        };
        switch (media)
        {
            case Film film:
                document["director"] = Bson.FromOptionalString(film.Director);
                break;
            case Album album:
                document["artist"] = album.Artist;
                break;
            default:
                throw new ArgumentException($"Unknown media type {media.GetType().Name}.", nameof(media));
        }

        return document;
    }

    public static MediaItem FromDocument(BsonDocument document)
    {
        var title = document["title"].AsString;
        var year = Bson.ToOptionalInt(Bson.Get(document, "year"));
        var link = Bson.ToOptionalString(Bson.Get(document, "link")) is { } text ? new Uri(text, UriKind.RelativeOrAbsolute) : null;
        var catalogue = Bson.Get(document, "catalogue") is { IsDocument: true } facts ? CatalogueFromDocument(facts.AsDocument) : null;
        return Bson.ToEnum<MediaKind>(document["kind"]) switch
        {
            MediaKind.Film => new Film { Title = title, Year = year, Link = link, Catalogue = catalogue, Director = Bson.ToOptionalString(Bson.Get(document, "director")) },
            MediaKind.Album => new Album { Title = title, Year = year, Link = link, Catalogue = catalogue, Artist = document["artist"].AsString },
            var other => throw new InvalidDataException($"Unknown media kind {other}."),
        };
    }

    private static BsonDocument CatalogueToDocument(CatalogueFacts facts) => new()
    {
        ["id"] = facts.Id,
        ["imdbId"] = Bson.FromOptionalString(facts.ImdbId),
        ["synopsis"] = Bson.FromOptionalString(facts.Synopsis),
        ["runtimeMinutes"] = Bson.FromOptionalInt(facts.RuntimeMinutes),
        ["trackCount"] = Bson.FromOptionalInt(facts.TrackCount),
        ["imageUrl"] = Bson.FromOptionalString(facts.ImageUrl?.OriginalString),
    };

    private static CatalogueFacts CatalogueFromDocument(BsonDocument document) => new()
    {
        Id = document["id"].AsString,
        ImdbId = Bson.ToOptionalString(Bson.Get(document, "imdbId")),
        Synopsis = Bson.ToOptionalString(Bson.Get(document, "synopsis")),
        RuntimeMinutes = Bson.ToOptionalInt(Bson.Get(document, "runtimeMinutes")),
        TrackCount = Bson.ToOptionalInt(Bson.Get(document, "trackCount")),
        ImageUrl = Bson.ToOptionalString(Bson.Get(document, "imageUrl")) is { } image ? new Uri(image, UriKind.Absolute) : null,
    };
}
