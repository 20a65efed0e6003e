using System.Globalization;
using System.Text;

namespace ListeningClub.Storage.Engine;

/// <summary>
/// Keeps a second process off the data folder: a lock file held open with <see cref="FileShare.None"/> for the life
/// of the store (LiteDB's own file lock does not do this on Linux). The file is never deleted, only released.
/// </summary>
internal sealed class DataFolderLock : IDisposable
{
    public const string LockFileName = "listeningclub.lock";

    private readonly FileStream _stream;

    private DataFolderLock(FileStream stream, string dataFolder)
    {
        _stream = stream;
        DataFolder = dataFolder;
    }

    public string DataFolder { get; }

    public static DataFolderLock Acquire(string dataFolder)
    {
        var folder = Path.GetFullPath(dataFolder);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, LockFileName);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1, FileOptions.None);
        }
        catch (IOException ex)
        {
            throw new DataFolderInUseException(folder, ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new DataFolderInUseException(folder, ex);
        }

        // Who holds it, for a person looking at the folder; nothing reads this back.
        var owner = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"pid {Environment.ProcessId}\n"));
        stream.SetLength(0);
        stream.Write(owner);
        stream.Flush();
        return new DataFolderLock(stream, folder);
    }

    public void Dispose() => _stream.Dispose();
}
