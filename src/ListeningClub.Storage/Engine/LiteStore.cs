// Long on purpose: opening (lock, file checks, migrations, backup before migrating) and closing the one database are one lifecycle with one owner.
using System.Globalization;
using LiteDB;
using LiteDB.Engine;
using ListeningClub.Storage.Configuration;
using ListeningClub.Storage.Mapping;
using ListeningClub.Storage.Migrations;
using Microsoft.Extensions.Logging;

namespace ListeningClub.Storage.Engine;

/// <summary>
/// The process's one LiteDB database: holds the data-folder lock, opens the file through <see cref="DurableFileStream"/>s
/// (Direct mode, never shared), runs migrations behind a backup, and owns the <see cref="SingleWriter"/>.
/// Reads run on the caller's thread against the last committed state; every write goes through the writer.
/// </summary>
internal sealed class LiteStore : IAsyncDisposable
{
    private readonly DataFolderLock _folderLock;
    private readonly DurableFileStream _dataStream;

    /// <summary>The write-ahead log; an empty <see cref="MemoryStream"/> when a file opened read-only has none.</summary>
    private readonly Stream _logStream;
    private readonly LiteDatabase _db;

    /// <summary>Null when the store was opened read-only (<see cref="OpenReadOnly"/>).</summary>
    private readonly SingleWriter? _writer;
    private readonly StorageOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>
    /// One thread inside LiteDB at a time: a reader, or the writer from its transaction's start to its commit (not while
    /// the commit waits for the disk) or in a checkpoint. LiteDB 5's page cache races between threads (a cached page can
    /// be recycled after a thread looked it up and before it pinned it: LiteDB issue 2817, in every 5.0.x release). It
    /// shows as "share counter must be > 0 in Release()", garbage reads and read locks never given back; our tests met
    /// all three. Reads take microseconds and a batch's in-memory work little more, so taking turns costs little.
    /// </summary>
    private readonly Lock _engineTurn = new();
    private int _disposed;

    private LiteStore(
        StorageOptions options,
        TimeProvider time,
        ILogger logger,
        DataFolderLock folderLock,
        DurableFileStream dataStream,
        Stream logStream,
        LiteDatabase db,
        LogWriteBarrier? barrier)
    {
        _options = options;
        _time = time;
        _logger = logger;
        _folderLock = folderLock;
        _dataStream = dataStream;
        _logStream = logStream;
        _db = db;
        if (barrier is null || logStream is not DurableFileStream durableLog)
        {
            return;
        }

        _writer = new SingleWriter(
            db,
            _engineTurn,
            () => MakeLogDurable(barrier, durableLog),
            () => logStream.Length,
            new WriterSettings(
                options.MaxBatchSize,
                (long)options.CheckpointPages * DurableFileStream.PageSize,
                TimeSpan.FromMilliseconds(options.IdleCheckpointMilliseconds)),
            time,
            logger);
    }

    public string DatabasePath => _options.DatabasePath;

    public string DataFolder => _folderLock.DataFolder;

    public string BackupsFolder => _options.BackupsFolder;

    public int SchemaVersion => Read(db => db.UserVersion);

    /// <summary>The log size (in 8 KiB pages) at which the writer checkpoints even under load.</summary>
    public int CheckpointPages => _options.CheckpointPages;

    /// <summary>Checkpoints the writer ran since open, their total and longest duration.</summary>
    public (long Count, TimeSpan Total, TimeSpan Longest) CheckpointStats => Writer.CheckpointStats;

    /// <summary>The longest the log has been after a commit since open (bytes).</summary>
    public long LargestLogBytes => Writer.LargestLogBytes;

    /// <summary>fsync calls on the data file since open (checkpoints write it).</summary>
    public long DataFsyncs => _dataStream.Fsyncs;

    /// <summary>Time spent in fsync on the data file since open.</summary>
    public TimeSpan DataFsyncTime => _dataStream.FsyncTime;

    /// <summary>Raised on the writer thread after each checkpoint the writer ran.</summary>
    internal event Action<CheckpointReason>? Checkpointed
    {
        add => Writer.Checkpointed += value;
        remove => Writer.Checkpointed -= value;
    }

    /// <summary>Write transactions committed since open.</summary>
    public long Commits => Writer.Commits;

    /// <summary>Write operations acknowledged since open.</summary>
    public long CommittedOperations => Writer.CommittedOperations;

    /// <summary>Writer time spent running operations, in LiteDB's Commit, and waiting for durability.</summary>
    public (TimeSpan Execute, TimeSpan Commit, TimeSpan Durable) WriterTimings => Writer.Timings;

    /// <summary>fsync calls on the log since open (two per commit with group commit).</summary>
    public long LogFsyncs => DurableLog.Fsyncs;

    /// <summary>Time spent in fsync on the log since open.</summary>
    public TimeSpan LogFsyncTime => DurableLog.FsyncTime;

    /// <summary>Commit-confirming log pages written since open (one per commit).</summary>
    public long LogConfirmPages => DurableLog.ConfirmPagesWritten;

    /// <summary>Bytes written to the log since open.</summary>
    public long LogBytesWritten => DurableLog.BytesWritten;

    private SingleWriter Writer => _writer ?? throw new InvalidOperationException($"{DatabasePath} was opened read-only.");

    private DurableFileStream DurableLog => _logStream as DurableFileStream ?? throw new InvalidOperationException($"{DatabasePath} was opened read-only without a log.");

    /// <summary>Opens (creating if needed) the database in <see cref="StorageOptions.DataFolder"/>, migrated to <paramref name="targetVersion"/> (default: latest).</summary>
    public static LiteStore Open(StorageOptions options, TimeProvider time, ILogger logger, int? targetVersion = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        var target = targetVersion ?? MigrationCatalog.LatestVersion;

        var folderLock = DataFolderLock.Acquire(options.DataFolder);
        DurableFileStream? data = null;
        DurableFileStream? log = null;
        LiteDatabase? db = null;
        LogWriteBarrier barrier;
        try
        {
            var path = options.DatabasePath;
            var logPath = DatabaseFiles.LogPathFor(path);
            DatabaseIdentity? identity = null;
            if (DatabaseFiles.InspectExisting(path))
            {
                identity = DatabaseIdentity.Read(path, logPath);
                identity.EnsureUsable(path, MigrationCatalog.LatestVersion);
            }

            data = DurableFileStream.OpenData(path, readOnly: false);
            log = DurableFileStream.OpenLog(logPath, readOnly: false);
            try
            {
                var settings = new EngineSettings
                {
                    DataStream = data,
                    LogStream = log,
                    Collation = DatabaseIdentity.PinnedCollation,
                    AutoRebuild = false,
                    Upgrade = false,
                };
                var engine = new LiteEngine(settings);
                db = new LiteDatabase(engine, StorageMapper.Create(), disposeOnClose: true);
                barrier = LogWriteBarrier.For(engine);
            }
            catch (LiteException ex)
            {
                throw new StorageFileException(path, $"cannot be opened by LiteDB 5.0.20 ({ex.Message}). Restore it from a backup or move it away.", ex);
            }

            if (!DatabaseIdentity.IsPinned(db.Collation))
            {
                throw new StorageFileException(path, $"uses collation '{db.Collation}', not the pinned ordinal collation.");
            }

            // Migrate first: its backup must be a copy of the file as it was, before any pragma changes.
            Migrate(db, options, time, logger, identity, target);
            // LiteDB's auto-checkpoint runs inside the commit that crosses its threshold and stalls every queued writer;
            // the single writer checkpoints instead (when idle, or at the log limit), see SingleWriter.
            // The pragma lives in the file header, so this happens once per file; the checkpoint makes it durable now.
            if (db.CheckpointSize != 0)
            {
                db.CheckpointSize = 0;
                db.Checkpoint();
            }

            // The migrations' commits went through LiteDB alone: make them durable here, so LiteDB's own flush of them,
            // which may come late, finds nothing left to do once the store is in use.
            MakeLogDurable(barrier, log);
            var store = new LiteStore(options, time, logger, folderLock, data, log, db, barrier);
            logger.LogInformation("Opened {DatabasePath} at schema version {Version}", path, db.UserVersion);
            return store;
        }
        catch
        {
            db?.Dispose();
            log?.Dispose();
            data?.Dispose();
            folderLock.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the existing database in <see cref="StorageOptions.DataFolder"/> for reading only, holding the data-folder
    /// lock meanwhile (so no bot opens it): the file and its log are opened read-only, nothing is migrated, checkpointed
    /// or written, and writes throw. Throws <see cref="StorageFileException"/> when there is no file, or none this build
    /// can read, and <see cref="DataFolderInUseException"/> when a bot owns the folder.
    /// </summary>
    public static LiteStore OpenReadOnly(StorageOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.DatabasePath;
        if (!DatabaseFiles.InspectExisting(path))
        {
            throw new StorageFileException(path, "does not exist or is empty: there is no club to read. Check Storage:DataFolder and Storage:FileName.");
        }

        var folderLock = DataFolderLock.Acquire(options.DataFolder);
        DurableFileStream? data = null;
        Stream? log = null;
        try
        {
            var logPath = DatabaseFiles.LogPathFor(path);
            DatabaseIdentity.Read(path, logPath).EnsureUsable(path, MigrationCatalog.LatestVersion);
            data = DurableFileStream.OpenData(path, readOnly: true);
            log = File.Exists(logPath) ? DurableFileStream.OpenLog(logPath, readOnly: true) : new MemoryStream();
            var settings = new EngineSettings { DataStream = data, LogStream = log, ReadOnly = true, AutoRebuild = false, Upgrade = false };
            var db = new LiteDatabase(new LiteEngine(settings), StorageMapper.Create(), disposeOnClose: true);
            return new LiteStore(options, time, logger, folderLock, data, log, db, barrier: null);
        }
        catch (LiteException ex)
        {
            log?.Dispose();
            data?.Dispose();
            folderLock.Dispose();
            throw new StorageFileException(path, $"cannot be opened by LiteDB 5.0.20 ({ex.Message}). Restore it from a backup or move it away.", ex);
        }
        catch
        {
            log?.Dispose();
            data?.Dispose();
            folderLock.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="read"/> on the calling thread against the last committed state; it waits at most for the writer's in-memory work, never for the disk.</summary>
    public T Read<T>(Func<LiteDatabase, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        lock (_engineTurn)
        {
            return read(_db);
        }
    }

    /// <summary>Queues a write; completes after the transaction it ran in has committed and is on disk.</summary>
    public Task<T> WriteAsync<T>(Func<LiteDatabase, T> write, CancellationToken cancellationToken = default) =>
        Writer.WriteAsync(write, cancellationToken);

    /// <summary>Queues a write; completes after the transaction it ran in has committed and is on disk.</summary>
    public Task WriteAsync(Action<LiteDatabase> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        return Writer.WriteAsync(
            db =>
            {
                write(db);
                return true;
            },
            cancellationToken);
    }

    /// <summary>Queues work to run alone on the writer thread, after everything queued before it, outside any transaction.</summary>
    public Task<T> ExclusiveAsync<T>(Func<LiteDatabase, T> work, CancellationToken cancellationToken = default) =>
        Writer.ExclusiveAsync(work, cancellationToken);

    /// <summary>Folds the log into the data file, after every write queued before it has committed. Use after critical transitions.</summary>
    public Task CheckpointAsync(CancellationToken cancellationToken = default) => Writer.CheckpointAsync(cancellationToken);

    /// <summary>
    /// An online backup: under the writer (no write in flight), checkpoint and copy the file into the backups folder;
    /// then check the copy opens as a ListeningClub database, and keep only the newest <see cref="StorageOptions.BackupsKept"/>.
    /// </summary>
    public async Task<string> BackupAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(BackupsFolder);
        var stem = Path.GetFileNameWithoutExtension(DatabasePath);
        var stamp = _time.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
        var target = Path.Combine(BackupsFolder, $"{stem}-{stamp}.db");
        var version = await Writer.ExclusiveAsync(
            db =>
            {
                int checkpointed;
                lock (_engineTurn)
                {
                    db.Checkpoint();
                    checkpointed = db.UserVersion;
                }

                // Outside LiteDB: readers go on while the file is copied; no write can start until this returns.
                DatabaseFiles.CopyDurably(DatabasePath, target);
                return checkpointed;
            },
            cancellationToken).ConfigureAwait(false);

        VerifyCopy(target, version);
        PruneBackups(stem);
        _logger.LogInformation("Backed up {DatabasePath} to {BackupPath}", DatabasePath, target);
        return target;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            // A read-only store has nothing to drain and must not checkpoint: that would write to the file.
            if (_writer is not null)
            {
                await _writer.DisposeAsync().ConfigureAwait(false);
                await FinalCheckpointAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            CloseQuietly(_db.Dispose, "the database");
            _logStream.Dispose();
            _dataStream.Dispose();
            _folderLock.Dispose();
            _logger.LogInformation("Closed {DatabasePath}", DatabasePath);
        }
    }

    /// <summary>How long closing waits for the last checkpoint before leaving it to the next start.</summary>
    internal static readonly TimeSpan FinalCheckpointWait = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The last checkpoint, in the engine's turn like every other use of LiteDB, on a thread of its own (LiteDB ties its
    /// locks to threads). Everything is already durable in the log, so when the checkpoint cannot finish in time
    /// closing goes on without it and the next start checkpoints instead.
    /// </summary>
    private async Task FinalCheckpointAsync()
    {
        var checkpoint = Task.Factory.StartNew(
            () =>
            {
                lock (_engineTurn)
                {
                    _db.Checkpoint();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        try
        {
            await checkpoint.WaitAsync(FinalCheckpointWait, _time).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or LiteException)
        {
            _ = checkpoint.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            _logger.LogWarning(ex, "Closed {DatabasePath} without its last checkpoint; every write is in its log and the next start checkpoints it", DatabasePath);
        }
    }

    private void CloseQuietly(Action close, string what)
    {
        try
        {
            close();
        }
        catch (Exception ex) when (ex is SynchronizationLockException or LiteException or ObjectDisposedException)
        {
            _logger.LogWarning(ex, "Closing {What} of {DatabasePath} reported a problem; its files are closed anyway", what, DatabasePath);
        }
    }

    private static void VerifyCopy(string copy, int expectedVersion)
    {
        DatabaseIdentity identity;
        try
        {
            identity = DatabaseIdentity.Read(copy, logPath: null);
        }
        catch (StorageFileException)
        {
            File.Delete(copy);
            throw;
        }

        if (!identity.HasMarker || identity.UserVersion != expectedVersion)
        {
            File.Delete(copy);
            throw new StorageFileException(copy, string.Create(CultureInfo.InvariantCulture, $"(a fresh backup) did not read back as a ListeningClub database at version {expectedVersion}; it was deleted."));
        }
    }

    private void PruneBackups(string stem)
    {
        // Timestamps sort as text; pre-migration copies use another name pattern and are never pruned here.
        var backups = Directory.GetFiles(BackupsFolder, $"{stem}-*.db")
            .Where(file => !file.EndsWith(".tmp", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var old in backups.Take(Math.Max(0, backups.Count - _options.BackupsKept)))
        {
            File.Delete(old);
        }
    }

    /// <summary>Waits until LiteDB has written every queued log page, then fsyncs the log: what was committed is on disk.</summary>
    private static void MakeLogDurable(LogWriteBarrier barrier, DurableFileStream log)
    {
        barrier.WaitForLogWrites();
        log.EnsureDurable();
    }

    private static void Migrate(LiteDatabase db, StorageOptions options, TimeProvider time, ILogger logger, DatabaseIdentity? identity, int target)
    {
        var current = db.UserVersion;
        if (current >= target)
        {
            return;
        }

        if (identity is { IsEmpty: false })
        {
            // Backup first: fold the log in so the data file alone holds everything, then copy it aside.
            db.Checkpoint();
            Directory.CreateDirectory(options.BackupsFolder);
            var stem = Path.GetFileNameWithoutExtension(options.DatabasePath);
            var stamp = time.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
            var copy = Path.Combine(options.BackupsFolder, string.Create(CultureInfo.InvariantCulture, $"{stem}.v{current}-before-v{target}.{stamp}.db"));
            DatabaseFiles.CopyDurably(options.DatabasePath, copy);
            VerifyCopy(copy, current);
            logger.LogInformation("Copied {DatabasePath} to {BackupPath} before migrating from version {From} to {To}", options.DatabasePath, copy, current, target);
        }

        foreach (var migration in MigrationCatalog.All.Where(m => m.Version > current && m.Version <= target))
        {
            db.BeginTrans();
            try
            {
                migration.Apply(db, time.GetUtcNow());
                db.Commit();
            }
            catch
            {
                db.Rollback();
                throw;
            }

            db.UserVersion = migration.Version;
            logger.LogInformation("Migrated {DatabasePath} to version {Version}: {Description}", options.DatabasePath, migration.Version, migration.Description);
        }

        db.Checkpoint();
    }
}
