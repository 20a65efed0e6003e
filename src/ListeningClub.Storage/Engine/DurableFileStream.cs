namespace ListeningClub.Storage.Engine;

/// <summary>
/// The file streams LiteDB writes through, so that we decide when data reaches the disk.
/// <para>
/// LiteDB 5.0.20 calls <see cref="Flush()"/> after every page it writes to its log, and with a plain <see cref="FileStream"/>
/// that is an fsync per page: a batch of 64 ballots dirties ~50 pages and costs ~50 fsyncs. The log stream instead uses
/// the classic write-ahead-log commit protocol: pages are written to the OS as they come; before the page that confirms
/// a transaction is written, everything before it is fsynced (a barrier, so the confirmation can never reach the disk
/// ahead of the pages it confirms); after it, one more fsync. Two fsyncs per commit, whatever its size, with the same
/// ordering guarantee LiteDB's per-page fsync gives. The single writer also calls <see cref="EnsureDurable"/> after each
/// commit, before acknowledging anyone, so an acknowledged write is on disk even if the confirm-page detection ever missed.
/// </para>
/// <para>The data stream (written only by checkpoints) fsyncs on every flush, exactly as LiteDB would.</para>
/// <para>
/// A checkpoint reads the whole log twice, one page at a time; the log stream serves sequential reads from a read-ahead
/// buffer (<see cref="ReadAheadBytes"/>), which any write or length change to the log discards, so a checkpoint's copy
/// stalls the writer for less time. Random page reads go straight to the file.
/// </para>
/// </summary>
internal sealed class DurableFileStream : Stream
{
    /// <summary>LiteDB 5 page size.</summary>
    internal const int PageSize = 8192;

    /// <summary>Offset of the "transaction confirmed" flag in a LiteDB 5.0.20 page header (page id 0-3, type 4, prev 5-8, next 9-12, initial slot 13, transaction id 14-17, confirmed 18).</summary>
    internal const int ConfirmedFlagOffset = 18;

    private readonly FileStream _file;
    private readonly bool _groupCommitLog;
    /// <summary>How much the log stream reads at once when it sees sequential page reads.</summary>
    internal const int ReadAheadBytes = 32 * PageSize;

    private readonly Lock _syncGate = new();
    private readonly Lock _readGate = new();
    private byte[]? _readAhead;
    private long _readAheadStart;
    private int _readAheadLength;
    private long _lastReadEnd = -1;
    private bool _unsynced;
    private long _confirmPagesWritten;
    private long _confirmPagesSynced;
    private long _bytesWritten;
    private long _fsyncs;
    private long _fsyncTicks;

    private DurableFileStream(FileStream file, bool groupCommitLog)
    {
        _file = file;
        _groupCommitLog = groupCommitLog;
    }

    public string Path => _file.Name;

    /// <summary>Commit-confirming pages seen (log stream only); one per committed write transaction.</summary>
    public long ConfirmPagesWritten => Interlocked.Read(ref _confirmPagesWritten);

    /// <summary>Bytes written through this stream.</summary>
    public long BytesWritten => Interlocked.Read(ref _bytesWritten);

    /// <summary>fsync calls made through this stream.</summary>
    public long Fsyncs => Interlocked.Read(ref _fsyncs);

    /// <summary>Time spent inside fsync through this stream.</summary>
    public TimeSpan FsyncTime => System.Diagnostics.Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _fsyncTicks));

    public override bool CanRead => _file.CanRead;

    public override bool CanSeek => _file.CanSeek;

    public override bool CanWrite => _file.CanWrite;

    public override long Length => _file.Length;

    public override long Position
    {
        get => _file.Position;
        set => _file.Position = value;
    }

    public static DurableFileStream OpenLog(string path, bool readOnly) => new(Open(path, readOnly), groupCommitLog: true);

    public static DurableFileStream OpenData(string path, bool readOnly) => new(Open(path, readOnly), groupCommitLog: false);

    private static FileStream Open(string path, bool readOnly) => readOnly
        ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, FileOptions.RandomAccess)
        : new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0, FileOptions.RandomAccess);

    public override void Flush()
    {
        if (!_groupCommitLog)
        {
            Fsync(onlyIfUnsynced: false);
        }
        else if (Interlocked.Read(ref _confirmPagesWritten) > Interlocked.Read(ref _confirmPagesSynced))
        {
            // A commit's confirmation is not durable yet. The writer may well make it so first: LiteDB flushes after it
            // signals its queue empty, sometimes long after (a loaded machine), when nothing is left for it to do.
            EnsureDurable();
        }
    }

    /// <summary>
    /// Makes every byte written so far durable (no-op when nothing is pending). Returns only once an fsync that covers
    /// those bytes has finished, even when another thread started it.
    /// </summary>
    public void EnsureDurable() => Fsync(onlyIfUnsynced: true);

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (!_groupCommitLog)
        {
            return _file.Read(buffer, offset, count);
        }

        ArgumentNullException.ThrowIfNull(buffer);
        lock (_readGate)
        {
            var position = _file.Position;
            var sequential = position == _lastReadEnd;
            int read;
            if (position >= _readAheadStart && position + count <= _readAheadStart + _readAheadLength)
            {
                _readAhead.AsSpan((int)(position - _readAheadStart), count).CopyTo(buffer.AsSpan(offset, count));
                read = count;
            }
            else if (sequential && count <= ReadAheadBytes)
            {
                _readAhead ??= new byte[ReadAheadBytes];
                _readAheadStart = position;
                _readAheadLength = RandomAccess.Read(_file.SafeFileHandle, _readAhead, position);
                read = Math.Min(count, _readAheadLength);
                _readAhead.AsSpan(0, read).CopyTo(buffer.AsSpan(offset, read));
            }
            else
            {
                read = RandomAccess.Read(_file.SafeFileHandle, buffer.AsSpan(offset, count), position);
            }

            _file.Position = position + read;
            _lastReadEnd = position + read;
            return read;
        }
    }

    public override long Seek(long offset, SeekOrigin origin) => _file.Seek(offset, origin);

    public override void SetLength(long value)
    {
        lock (_readGate)
        {
            _file.SetLength(value);
            DiscardReadAhead();
        }
        Volatile.Write(ref _unsynced, true);
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var confirms = _groupCommitLog && count == PageSize && buffer[offset + ConfirmedFlagOffset] == 1;
        if (confirms)
        {
            // Barrier: the pages this one confirms are on disk before the confirmation is written.
            EnsureDurable();
        }

        lock (_readGate)
        {
            // Under the read gate, so no read-ahead can be filled between this write and the discard.
            _file.Write(buffer, offset, count);
            DiscardReadAhead();
        }
        Interlocked.Add(ref _bytesWritten, count);
        Volatile.Write(ref _unsynced, true);
        if (confirms)
        {
            // Counted once written and marked unsynced, so an fsync that sees the count also covers the page.
            Interlocked.Increment(ref _confirmPagesWritten);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (_file.CanWrite)
            {
                EnsureDurable();
            }

            _file.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Called with the read gate held, after any change to the file.</summary>
    private void DiscardReadAhead()
    {
        _readAheadLength = 0;
        _lastReadEnd = -1;
    }

    private void Fsync(bool onlyIfUnsynced)
    {
        lock (_syncGate)
        {
            // Read before the flag: a confirmation counted here was written (and marked unsynced) before it, so it is
            // either covered by an earlier fsync (flag clear) or by this one.
            var confirmations = Interlocked.Read(ref _confirmPagesWritten);
            if (onlyIfUnsynced && !Volatile.Read(ref _unsynced))
            {
                Interlocked.Exchange(ref _confirmPagesSynced, Math.Max(confirmations, Interlocked.Read(ref _confirmPagesSynced)));
                return;
            }

            Volatile.Write(ref _unsynced, false);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            _file.Flush(flushToDisk: true);
            Interlocked.Add(ref _fsyncTicks, System.Diagnostics.Stopwatch.GetTimestamp() - started);
            Interlocked.Increment(ref _fsyncs);
            Interlocked.Exchange(ref _confirmPagesSynced, Math.Max(confirmations, Interlocked.Read(ref _confirmPagesSynced)));
        }
    }
}
