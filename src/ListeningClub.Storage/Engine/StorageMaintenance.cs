namespace ListeningClub.Storage.Engine;

internal sealed class StorageMaintenance(LiteStore store) : IStorageMaintenance
{
    public Task CheckpointAsync(CancellationToken cancellationToken = default) => store.CheckpointAsync(cancellationToken);

    public Task<string> BackupAsync(CancellationToken cancellationToken = default) => store.BackupAsync(cancellationToken);
}
