using ListeningClub.Storage.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Storage.Configuration;

public static class StoreOpening
{
    /// <summary>
    /// Opens the club store now (it is otherwise opened when the host starts), so that a caller can report a locked
    /// folder (<see cref="DataFolderInUseException"/>) or a bad file (<see cref="StorageFileException"/>) itself
    /// instead of the host logging a failed start with its stack trace. Closing stays with the host.
    /// </summary>
    public static void OpenListeningClubStore(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _ = services.GetRequiredService<LiteStore>();
    }
}
