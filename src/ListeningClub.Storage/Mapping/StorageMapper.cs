using LiteDB;

namespace ListeningClub.Storage.Mapping;

/// <summary>
/// The one <see cref="BsonMapper"/> the store uses. Documents are mapped by hand (see the <c>*Documents</c> classes),
/// so this mapper only matters for LiteDB's own expression handling; it is configured so that it could never
/// silently change a value: no trimming, no empty-to-null, ulong and DateTimeOffset mapped losslessly.
/// </summary>
internal static class StorageMapper
{
    public static BsonMapper Create()
    {
        var mapper = new BsonMapper
        {
            TrimWhitespace = false,
            EmptyStringToNull = false,
            SerializeNullValues = false,
            EnumAsInteger = true,
            IncludeFields = false,
        };
        mapper.RegisterType<ulong>(value => Bson.FromId(value), bson => Bson.ToId(bson));
        mapper.RegisterType<DateTimeOffset>(value => Bson.FromInstant(value), bson => Bson.ToInstant(bson));
        return mapper;
    }
}
