namespace ListeningClub.Storage.Engine;

/// <summary>How the <see cref="SingleWriter"/> batches commits and when it checkpoints.</summary>
/// <param name="MaxBatchSize">The most operations committed in one transaction.</param>
/// <param name="CheckpointLogBytes">Checkpoint right after the commit that takes the log to this size, even under load.</param>
/// <param name="IdleCheckpointDelay">Checkpoint once no batch has been taken for this long after a commit.</param>
internal sealed record WriterSettings(int MaxBatchSize, long CheckpointLogBytes, TimeSpan IdleCheckpointDelay);

/// <summary>Why the writer checkpointed.</summary>
internal enum CheckpointReason
{
    /// <summary>Nothing was written for the idle delay.</summary>
    Idle,

    /// <summary>The log reached its size limit under load.</summary>
    LogFull,

    /// <summary>Asked for (after a critical transition, before a backup).</summary>
    Requested,
}
