using ListeningClub.Storage.Engine;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ListeningClub.Bot.Features.Backup;

/// <summary>The daily online backup: checkpoint, copy, verify, keep the newest <c>Storage:BackupsKept</c>.</summary>
[DisallowConcurrentExecution]
public sealed partial class BackupJob(IStorageMaintenance storage, ILogger<BackupJob> logger) : IJob
{
    public static readonly JobKey Key = new("daily-backup", "maintenance");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            var path = await storage.BackupAsync(cancellationToken).ConfigureAwait(false);
            LogBackedUp(logger, Path.GetFileName(path));
        }
        catch (IOException ex)
        {
            // A full disk or a lost mount must not stop the bot; it is logged as an error for the operator.
            LogBackupFailed(logger, ex, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily backup written: {BackupFile}")]
    private static partial void LogBackedUp(ILogger logger, string backupFile);

    [LoggerMessage(Level = LogLevel.Error, Message = "Daily backup failed: {Reason}")]
    private static partial void LogBackupFailed(ILogger logger, Exception exception, string reason);
}
