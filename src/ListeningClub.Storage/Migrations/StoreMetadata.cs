namespace ListeningClub.Storage.Migrations;

/// <summary>The marker document that tells a ListeningClub file from any other LiteDB file.</summary>
internal static class StoreMetadata
{
    public const string Collection = "_meta";
    public const string MarkerId = "application";
    public const string ApplicationField = "name";
    public const string ApplicationName = "ListeningClub";
}
