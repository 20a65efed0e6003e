namespace ListeningClub.Discord.Interactions;

/// <summary>The last N interaction ids seen (bounded memory), to handle a duplicate delivery only once.</summary>
internal sealed class RecentInteractionIds(int capacity = 10_000)
{
    private readonly HashSet<ulong> _ids = [];
    private readonly Queue<ulong> _order = new();
    private readonly Lock _lock = new();

    /// <summary>True the first time an id is seen.</summary>
    public bool TryAdd(ulong id)
    {
        lock (_lock)
        {
            if (!_ids.Add(id))
            {
                return false;
            }

            _order.Enqueue(id);
            if (_order.Count > capacity)
            {
                _ids.Remove(_order.Dequeue());
            }

            return true;
        }
    }
}
