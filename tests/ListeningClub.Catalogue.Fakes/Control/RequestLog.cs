namespace ListeningClub.Catalogue.Fakes.Control;

/// <summary>One request as a fake saw it. The query has <c>api_key</c> redacted; presence flags say what credentials came.</summary>
public sealed record LoggedRequest(
    long Seq,
    FakeService Service,
    DateTimeOffset Time,
    string Method,
    string Path,
    string Query,
    string? UserAgent,
    bool HasAuthorization,
    bool HasApiKey)
{
    public int Status { get; set; }
}

/// <summary>Every request the fakes answered, in arrival order; tests wait on it instead of sleeping.</summary>
public sealed class RequestLog
{
    private readonly Lock _lock = new();
    private readonly List<LoggedRequest> _entries = [];
    private readonly List<(FakeService? Service, int Count, TaskCompletionSource Done)> _waiters = [];
    private long _seq;

    public LoggedRequest Add(FakeService service, DateTimeOffset time, string method, string path, string query, string? userAgent, bool hasAuthorization, bool hasApiKey)
    {
        lock (_lock)
        {
            var entry = new LoggedRequest(++_seq, service, time, method, path, query, userAgent, hasAuthorization, hasApiKey);
            _entries.Add(entry);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (CountLocked(_waiters[i].Service) >= _waiters[i].Count)
                {
                    _waiters[i].Done.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }

            return entry;
        }
    }

    public IReadOnlyList<LoggedRequest> Entries(FakeService? service = null, long after = 0)
    {
        lock (_lock)
        {
            return _entries.Where(e => (service is null || e.Service == service) && e.Seq > after).ToList();
        }
    }

    public int Count(FakeService? service = null)
    {
        lock (_lock)
        {
            return CountLocked(service);
        }
    }

    /// <summary>Completes once the log holds at least <paramref name="count"/> requests to <paramref name="service"/> (any service when null).</summary>
    public Task WaitForCountAsync(FakeService? service, int count, CancellationToken ct = default)
    {
        lock (_lock)
        {
            if (CountLocked(service) >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((service, count, done));
            return done.Task.WaitAsync(ct);
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _entries.Clear();
        }
    }

    private int CountLocked(FakeService? service) => service is null ? _entries.Count : _entries.Count(e => e.Service == service);
}
