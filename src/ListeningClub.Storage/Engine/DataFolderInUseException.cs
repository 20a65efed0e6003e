namespace ListeningClub.Storage.Engine;

/// <summary>Another process holds the data folder's lock file. The host reports <see cref="Exception.Message"/> as one line and exits.</summary>
public sealed class DataFolderInUseException : Exception
{
    public DataFolderInUseException(string dataFolder, Exception? inner = null)
        : base($"The data folder '{dataFolder}' is already in use by another ListeningClub process. Stop that process, or point Storage:DataFolder at another folder.", inner)
    {
        DataFolder = dataFolder;
    }

    public DataFolderInUseException()
        : this("(unknown)")
    {
    }

    public DataFolderInUseException(string message)
        : this(message, null)
    {
    }

    public string DataFolder { get; } = "";
}
