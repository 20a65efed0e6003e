using LiteDB;

namespace ListeningClub.Storage.Repositories;

internal static class Conflicts
{
    /// <summary>Awaits a write, turning LiteDB's duplicate-key error into a <see cref="StorageConflictException"/> saying which rule.</summary>
    public static async Task Translate(Task write, string rule)
    {
        try
        {
            await write.ConfigureAwait(false);
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw new StorageConflictException(rule, ex);
        }
    }
}
