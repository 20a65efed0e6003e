using System.Text;

namespace ListeningClub.Storage.Engine;

/// <summary>Paths and a header check for the database file, made before LiteDB is allowed to touch the file.</summary>
internal static class DatabaseFiles
{
    private const int HeaderInfoOffset = 32;
    private const int FileVersionOffset = 59;
    private const byte LiteDb5FileVersion = 8;
    private static readonly byte[] HeaderInfo = Encoding.ASCII.GetBytes("** This is a LiteDB file **");

    /// <summary>LiteDB's own name for the write-ahead log beside <paramref name="databasePath"/>, so its tools find it.</summary>
    public static string LogPathFor(string databasePath)
    {
        var folder = Path.GetDirectoryName(databasePath) ?? ".";
        return Path.Combine(folder, Path.GetFileNameWithoutExtension(databasePath) + "-log" + Path.GetExtension(databasePath));
    }

    /// <summary>
    /// True when there is an existing database to open, false when a new one may be created (no file, or an empty one:
    /// a crash right after creating it leaves nothing to lose). Throws <see cref="StorageFileException"/> for anything
    /// that is not a plain LiteDB 5 file, without writing to it.
    /// </summary>
    public static bool InspectExisting(string databasePath)
    {
        var logPath = LogPathFor(databasePath);
        var info = new FileInfo(databasePath);
        if (!info.Exists || info.Length == 0)
        {
            if (File.Exists(logPath) && new FileInfo(logPath).Length > 0)
            {
                throw new StorageFileException(logPath, "holds a write-ahead log but its database file is missing or empty; restore the database file from a backup, or move the log away to start a new database.");
            }

            return false;
        }

        var header = new byte[FileVersionOffset + 1];
        int read;
        try
        {
            using var stream = new FileStream(databasePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StorageFileException(databasePath, $"cannot be read ({ex.Message}).", ex);
        }

        if (read < header.Length || info.Length < DurableFileStream.PageSize)
        {
            throw new StorageFileException(databasePath, "is too short to be a LiteDB database; it is not a ListeningClub file or it was truncated. Restore it from a backup or move it away.");
        }

        if (!header.AsSpan(HeaderInfoOffset, HeaderInfo.Length).SequenceEqual(HeaderInfo))
        {
            throw new StorageFileException(databasePath, "is not a LiteDB 5 database (it may be encrypted, from another program, or damaged). Restore it from a backup or move it away.");
        }

        if (header[FileVersionOffset] != LiteDb5FileVersion)
        {
            throw new StorageFileException(databasePath, $"has LiteDB file format {header[FileVersionOffset]}, not {LiteDb5FileVersion} (LiteDB 5). Restore it from a backup or move it away.");
        }

        return true;
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="target"/> through a temporary file, fsynced, then renamed into place.</summary>
    public static void CopyDurably(string source, string target)
    {
        var temporary = target + ".tmp";
        using (var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1 << 16))
        using (var output = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
        {
            input.CopyTo(output);
            output.Flush(flushToDisk: true);
        }

        File.Move(temporary, target, overwrite: false);
    }
}
