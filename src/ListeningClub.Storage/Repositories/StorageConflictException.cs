namespace ListeningClub.Storage.Repositories;

/// <summary>A write broke a uniqueness rule the store enforces (e.g. two cycles with the same number in a track).</summary>
public sealed class StorageConflictException : Exception
{
    public StorageConflictException(string message, Exception? inner)
        : base(message, inner)
    {
    }

    public StorageConflictException()
    {
    }

    public StorageConflictException(string message)
        : base(message)
    {
    }
}
