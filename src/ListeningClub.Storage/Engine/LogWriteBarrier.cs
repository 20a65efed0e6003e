using System.Reflection;
using LiteDB.Engine;

namespace ListeningClub.Storage.Engine;

/// <summary>
/// Waits until LiteDB has handed every log page of the last commit to the operating system.
/// <para>
/// In LiteDB 5.0.20 <c>Commit()</c> only queues the transaction's log pages; a background task writes them later.
/// A commit that has "returned" can therefore still vanish if the process is killed a moment later (the crash test
/// caught exactly that). LiteDB waits for that queue itself before a checkpoint, but exposes no public way to do so,
/// so this reaches its internal queue (<c>LiteEngine._disk.Queue</c>, a <c>DiskWriterQueue</c>) by reflection, once,
/// when the store opens; if the internals are not where 5.0.20 keeps them, opening fails rather than running without
/// the guarantee. The single writer calls <see cref="WaitForLogWrites"/> after each commit, then fsyncs, then acknowledges.
/// </para>
/// </summary>
internal sealed class LogWriteBarrier
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private readonly object _lazyQueue;
    private readonly PropertyInfo _isValueCreated;
    private readonly PropertyInfo _value;
    private readonly FieldInfo _queueIsEmpty;
    private readonly FieldInfo _exception;
    private ManualResetEventSlim? _emptySignal;
    private object? _queue;

    private LogWriteBarrier(object lazyQueue, PropertyInfo isValueCreated, PropertyInfo value, FieldInfo queueIsEmpty, FieldInfo exception)
    {
        _lazyQueue = lazyQueue;
        _isValueCreated = isValueCreated;
        _value = value;
        _queueIsEmpty = queueIsEmpty;
        _exception = exception;
    }

    public static LogWriteBarrier For(LiteEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        var disk = typeof(LiteEngine).GetField("_disk", Instance)?.GetValue(engine)
            ?? throw Unsupported("LiteEngine._disk");
        var lazyQueue = disk.GetType().GetProperty("Queue", Instance)?.GetValue(disk)
            ?? throw Unsupported("DiskService.Queue");
        var lazyType = lazyQueue.GetType();
        var isValueCreated = lazyType.GetProperty("IsValueCreated") ?? throw Unsupported("Lazy.IsValueCreated");
        var value = lazyType.GetProperty("Value") ?? throw Unsupported("Lazy.Value");
        var queueType = lazyType.GetGenericArguments().Single();
        var queueIsEmpty = queueType.GetField("_queueIsEmpty", Instance) ?? throw Unsupported("DiskWriterQueue._queueIsEmpty");
        var exception = queueType.GetField("_exception", Instance) ?? throw Unsupported("DiskWriterQueue._exception");
        if (queueIsEmpty.FieldType != typeof(ManualResetEventSlim) || exception.FieldType != typeof(Exception))
        {
            throw Unsupported("DiskWriterQueue field types");
        }

        return new LogWriteBarrier(lazyQueue, isValueCreated, value, queueIsEmpty, exception);
    }

    /// <summary>Blocks until LiteDB's log queue is empty (every queued page written); throws if LiteDB's log writer failed.</summary>
    public void WaitForLogWrites()
    {
        if (_emptySignal is null)
        {
            if (!(bool)_isValueCreated.GetValue(_lazyQueue)!)
            {
                return; // nothing was ever queued
            }

            _queue = _value.GetValue(_lazyQueue)!;
            _emptySignal = (ManualResetEventSlim)_queueIsEmpty.GetValue(_queue)!;
        }

        while (!_emptySignal.Wait(PollInterval))
        {
            if (_exception.GetValue(_queue) is Exception failure)
            {
                throw new IOException("LiteDB's log writer failed; the last commit may not be on disk.", failure);
            }
        }

        if (_exception.GetValue(_queue) is Exception late)
        {
            throw new IOException("LiteDB's log writer failed; the last commit may not be on disk.", late);
        }
    }

    private static InvalidOperationException Unsupported(string what) =>
        new($"This build of LiteDB does not have {what} where LiteDB 5.0.20 keeps it; the store cannot guarantee durable commits and will not open.");
}
