using System.ComponentModel.DataAnnotations;

namespace ListeningClub.Storage.Configuration;

/// <summary>Where and how the club's LiteDB file is kept. Bound from the <c>Storage</c> section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The data folder: holds the database file, its log, the lock file and the backups folder. Created if missing.</summary>
    [Required(ErrorMessage = "Storage:DataFolder is missing. Set it to a folder the bot may write to (environment variable ListeningClub__Storage__DataFolder).")]
    public string DataFolder { get; set; } = "data";

    /// <summary>The database file name inside <see cref="DataFolder"/>.</summary>
    [Required]
    [RegularExpression(@"^[A-Za-z0-9_.\-]+\.db$", ErrorMessage = "Storage:FileName must be a plain file name ending in .db (letters, digits, '.', '_' or '-').")]
    public string FileName { get; set; } = "listeningclub.db";

    /// <summary>How many online backups to keep in the backups folder; older ones are deleted after a new one is verified.</summary>
    [Range(1, 1000)]
    public int BackupsKept { get; set; } = 7;

    /// <summary>The most write operations the single writer commits in one transaction.</summary>
    [Range(1, 100_000)]
    public int MaxBatchSize { get; set; } = 1024;

    /// <summary>
    /// The most the write-ahead log may grow under sustained load, in 8 KiB pages: the writer checkpoints (folds the log
    /// into the data file, which holds up writes meanwhile) right after the commit that reaches it. Larger values mean
    /// fewer but longer stalls (a checkpoint costs roughly 7 µs per log page) and a longer log to replay after a crash.
    /// LiteDB's own auto-checkpoint is turned off.
    /// </summary>
    [Range(10, 1_000_000)]
    public int CheckpointPages { get; set; } = 1000;

    /// <summary>The writer checkpoints once it has had no write to do for this long (milliseconds).</summary>
    [Range(1, 3_600_000)]
    public int IdleCheckpointMilliseconds { get; set; } = 1000;

    public string DatabasePath => Path.Combine(Path.GetFullPath(DataFolder), FileName);

    public string BackupsFolder => Path.Combine(Path.GetFullPath(DataFolder), "backups");
}
