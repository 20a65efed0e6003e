namespace ListeningClub.Discord.Emulator.State;

/// <summary>The last N REST requests, numbered from 1.</summary>
public sealed class RequestLog(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Queue<RequestRecord> _records = new();
    private long _seq;

    public long NextSeq() => Interlocked.Increment(ref _seq);

    public void Add(RequestRecord record)
    {
        lock (_gate)
        {
            _records.Enqueue(record);
            while (_records.Count > capacity)
            {
                _records.Dequeue();
            }
        }
    }

    public IReadOnlyList<RequestRecord> After(long seq, int limit)
    {
        lock (_gate)
        {
            return _records.Where(r => r.Seq > seq).OrderBy(r => r.Seq).Take(limit).ToList();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _records.Clear();
        }
    }
}
