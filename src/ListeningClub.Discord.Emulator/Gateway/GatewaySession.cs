using System.Globalization;

namespace ListeningClub.Discord.Emulator.Gateway;

/// <summary>
/// A gateway session: its sequence numbers and the dispatches kept for Resume. It outlives a
/// connection; a new connection may take it over with op 6.
/// </summary>
public sealed class GatewaySession(string id, long intents, int shardId, int shardCount, int bufferSize)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<(int Seq, string Frame)> _buffer = new();
    private GatewayConnection? _connection;
    private int _seq;

    public string Id { get; } = id;

    public long Intents { get; } = intents;

    public int ShardId { get; } = shardId;

    public int ShardCount { get; } = shardCount;

    public bool Invalidated { get; private set; }

    public int LastSequence
    {
        get
        {
            lock (_gate)
            {
                return _seq;
            }
        }
    }

    public GatewayConnection? Connection
    {
        get
        {
            lock (_gate)
            {
                return _connection;
            }
        }
    }

    /// <summary>Numbers the dispatch, keeps it for Resume and sends it if a connection is attached.</summary>
    public void Dispatch(string eventName, string dataJson)
    {
        lock (_gate)
        {
            if (Invalidated)
            {
                return;
            }

            var seq = ++_seq;
            var frame = string.Concat("{\"op\":0,\"s\":", seq.ToString(CultureInfo.InvariantCulture), ",\"t\":\"", eventName, "\",\"d\":", dataJson, "}");
            _buffer.AddLast((seq, frame));
            if (_buffer.Count > bufferSize)
            {
                _buffer.RemoveFirst();
            }

            _connection?.Enqueue(frame);
        }
    }

    public void Attach(GatewayConnection connection)
    {
        lock (_gate)
        {
            _connection = connection;
        }
    }

    public void Detach(GatewayConnection connection)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_connection, connection))
            {
                _connection = null;
            }
        }
    }

    public void Invalidate()
    {
        lock (_gate)
        {
            Invalidated = true;
            _buffer.Clear();
        }
    }

    /// <summary>
    /// Attaches <paramref name="connection"/> and sends the dispatches after <paramref name="seq"/>, then RESUMED.
    /// Returns false when the events after seq are no longer kept (caller sends op 9).
    /// </summary>
    public ResumeOutcome Resume(GatewayConnection connection, int seq)
    {
        lock (_gate)
        {
            if (Invalidated)
            {
                return ResumeOutcome.SessionGone;
            }

            if (seq > _seq || seq < 0)
            {
                return ResumeOutcome.InvalidSequence;
            }

            if (_buffer.First is { } first && seq < first.Value.Seq - 1)
            {
                return ResumeOutcome.SessionGone;
            }

            var previous = _connection;
            _connection = connection;
            if (previous is not null && !ReferenceEquals(previous, connection))
            {
                previous.Close(4000, "session resumed elsewhere");
            }

            foreach (var (s, frame) in _buffer)
            {
                if (s > seq)
                {
                    connection.Enqueue(frame);
                }
            }

            var resumedSeq = ++_seq;
            var resumed = "{\"op\":0,\"s\":" + resumedSeq.ToString(CultureInfo.InvariantCulture) + ",\"t\":\"RESUMED\",\"d\":{}}";
            _buffer.AddLast((resumedSeq, resumed));
            connection.Enqueue(resumed);
            return ResumeOutcome.Resumed;
        }
    }
}

public enum ResumeOutcome
{
    Resumed,
    SessionGone,
    InvalidSequence,
}
