namespace ListeningClub.Storage.Engine;

/// <summary>
/// The database file cannot be used as it is (unreadable, not ours, made by a newer version, wrong collation).
/// The file is left untouched; <see cref="Exception.Message"/> names it and says what to do, in one line.
/// </summary>
public sealed class StorageFileException : Exception
{
    public StorageFileException(string filePath, string problem, Exception? inner = null)
        : base($"The database file '{filePath}' {problem} It was left untouched.", inner)
    {
        FilePath = filePath;
    }

    public StorageFileException()
        : this("(unknown)", "cannot be used.")
    {
    }

    public StorageFileException(string message)
        : this("(unknown)", message)
    {
    }

    public StorageFileException(string message, Exception inner)
        : this("(unknown)", message, inner)
    {
    }

    public string FilePath { get; } = "";
}
