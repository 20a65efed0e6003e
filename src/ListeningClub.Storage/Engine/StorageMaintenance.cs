namespace ListeningClub.Storage.Engine;

internal sealed class StorageMaintenance(LiteStore store) : IStorageMaintenance
{
    public Task CheckpointAsync(CancellationToken cancellationToken = default) => store.CheckpointAsync(cancellationToken);

    public Task<string> BackupAsync(CancellationToken cancellationToken = default) => store.BackupAsync(cancellationToken);

    public async Task<(bool Writable, string? Problem)> ProbeAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var probe = Path.Combine(store.DataFolder, ".health-probe");
            await File.WriteAllTextAsync(probe, "ok", cancellationToken).ConfigureAwait(false);
            File.Delete(probe);
            await store.ExclusiveAsync(_ => true, cancellationToken).ConfigureAwait(false);
            return (true, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException or InvalidOperationException)
        {
            return (false, ex.Message);
        }
    }
}
