namespace ListeningClub.Catalogue.Http;

/// <summary>
/// Identical requests in flight share one call: the first caller starts it, later callers with the same key wait
/// for the same answer. Each caller may give up on its own (its token); the shared call is cancelled only when
/// every caller has given up, and a caller arriving after that starts a fresh call.
/// </summary>
internal sealed class RequestCoalescer
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Flight> _flights = new(StringComparer.Ordinal);

    /// <summary>Calls in flight (for tests and diagnostics).</summary>
    public int InFlight
    {
        get
        {
            lock (_lock)
            {
                return _flights.Count;
            }
        }
    }

    public async Task<T> RunAsync<T>(string key, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        Flight flight;
        var start = false;
        lock (_lock)
        {
            if (!_flights.TryGetValue(key, out flight!))
            {
                flight = new Flight();
                _flights[key] = flight;
                start = true;
            }

            flight.Waiters++;
        }

        if (start)
        {
            _ = RunFlightAsync(key, flight, work);
        }

        try
        {
            // Never continue inline on the thread that cancels the caller's token (a timer callback, a caller's Cancel()):
            // leaving may tear the shared call down, which must not run inside someone else's callback.
            return (T)(await flight.Completion.Task.WaitAsync(ct).ConfigureAwait(ConfigureAwaitOptions.ForceYielding))!;
        }
        finally
        {
            Leave(key, flight);
        }
    }

    private async Task RunFlightAsync<T>(string key, Flight flight, Func<CancellationToken, Task<T>> work)
    {
        try
        {
            var result = await work(flight.Cancellation.Token).ConfigureAwait(false);
            Forget(key, flight);
            flight.Completion.TrySetResult(result);
        }
        catch (Exception e)
        {
            Forget(key, flight);
            flight.Completion.TrySetException(e);
        }
        finally
        {
            flight.Cancellation.Dispose();
        }
    }

    private void Leave(string key, Flight flight)
    {
        lock (_lock)
        {
            flight.Waiters--;
            if (flight.Waiters > 0 || flight.Completion.Task.IsCompleted)
            {
                return;
            }

            // Everyone gave up: the next caller starts afresh.
            if (_flights.TryGetValue(key, out var current) && current == flight)
            {
                _flights.Remove(key);
            }
        }

        try
        {
            flight.Cancellation.Cancel(); // outside the lock: cancellation callbacks run here
        }
        catch (ObjectDisposedException)
        {
            // The call finished meanwhile.
        }
    }

    private void Forget(string key, Flight flight)
    {
        lock (_lock)
        {
            if (_flights.TryGetValue(key, out var current) && current == flight)
            {
                _flights.Remove(key);
            }
        }
    }

    private sealed class Flight
    {
        public TaskCompletionSource<object?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenSource Cancellation { get; } = new();

        public int Waiters { get; set; }
    }
}
