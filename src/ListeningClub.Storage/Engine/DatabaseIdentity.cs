using System.Globalization;
using LiteDB;
using LiteDB.Engine;
using ListeningClub.Storage.Mapping;
using ListeningClub.Storage.Migrations;

namespace ListeningClub.Storage.Engine;

/// <summary>What an existing file is, read through a read-only LiteDB engine (so identifying a file never writes to it).</summary>
internal sealed record DatabaseIdentity(int UserVersion, bool HasMarker, bool IsEmpty, Collation Collation)
{
    /// <summary>The only collation the store creates files with: invariant culture, ordinal comparison.</summary>
    public static Collation PinnedCollation => Collation.Binary;

    public static bool IsPinned(Collation collation) =>
        collation.LCID == PinnedCollation.LCID && collation.SortOptions == PinnedCollation.SortOptions;

    /// <summary>Reads the identity of <paramref name="databasePath"/> (and its log, when <paramref name="logPath"/> exists).</summary>
    public static DatabaseIdentity Read(string databasePath, string? logPath)
    {
        DatabaseFiles.InspectExisting(databasePath);
        try
        {
            using var data = DurableFileStream.OpenData(databasePath, readOnly: true);
            using Stream log = logPath is not null && File.Exists(logPath)
                ? DurableFileStream.OpenLog(logPath, readOnly: true)
                : new MemoryStream();
            var settings = new EngineSettings { DataStream = data, LogStream = log, ReadOnly = true, AutoRebuild = false, Upgrade = false };
            using var db = new LiteDatabase(new LiteEngine(settings), StorageMapper.Create(), disposeOnClose: true);
            var names = db.GetCollectionNames().ToList();
            var marker = names.Contains(StoreMetadata.Collection)
                ? db.GetCollection(StoreMetadata.Collection).FindById(StoreMetadata.MarkerId)
                : null;
            var hasMarker = marker is not null
                && marker.TryGetValue(StoreMetadata.ApplicationField, out var name)
                && name.IsString
                && name.AsString == StoreMetadata.ApplicationName;
            return new DatabaseIdentity(db.UserVersion, hasMarker, names.Count == 0, db.Collation);
        }
        catch (Exception ex) when (ex is LiteException or IOException or InvalidCastException or ArgumentException or InvalidOperationException or IndexOutOfRangeException or OverflowException)
        {
            throw new StorageFileException(databasePath, string.Create(CultureInfo.InvariantCulture, $"cannot be read by LiteDB 5.0.20 ({ex.Message}). Restore it from a backup or move it away."), ex);
        }
    }

    /// <summary>Throws <see cref="StorageFileException"/> unless this is a ListeningClub file this build can open.</summary>
    public void EnsureUsable(string databasePath, int latestVersion)
    {
        if (IsEmpty && UserVersion == 0)
        {
            return;
        }

        if (!HasMarker)
        {
            throw new StorageFileException(databasePath, "is a LiteDB database but not a ListeningClub one (no ListeningClub marker). Point Storage:DataFolder at another folder or move the file away.");
        }

        if (UserVersion > latestVersion)
        {
            throw new StorageFileException(databasePath, string.Create(CultureInfo.InvariantCulture, $"has schema version {UserVersion}, newer than this build understands ({latestVersion}). Run the newer ListeningClub, or restore a backup made by this version."));
        }

        if (!IsPinned(Collation))
        {
            throw new StorageFileException(databasePath, string.Create(CultureInfo.InvariantCulture, $"uses collation '{Collation}', not the pinned ordinal collation ListeningClub creates files with."));
        }
    }
}
