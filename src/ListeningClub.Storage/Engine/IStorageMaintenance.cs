namespace ListeningClub.Storage.Engine;

/// <summary>What the rest of the bot may ask of the store besides repositories: checkpoints and backups.</summary>
public interface IStorageMaintenance
{
    /// <summary>Makes everything written so far part of the main file (call after a cycle is announced or closed).</summary>
    Task CheckpointAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes a verified online backup into the backups folder and returns its path; keeps only the newest N.</summary>
    Task<string> BackupAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// For health checks: true when a file can be written in the data folder and the single writer takes and
    /// finishes work (a no-op, so nothing is committed); false with the reason otherwise.
    /// </summary>
    Task<(bool Writable, string? Problem)> ProbeAsync(CancellationToken cancellationToken = default);
}
