namespace ListeningClub.Discord.Interactions;

/// <summary>
/// Defers an interaction on its handler's behalf if the handler has not answered when the timer fires. The timer runs
/// on its own, so a handler that blocks its thread cannot hold it up; <see cref="StopAsync"/> cancels it and waits for
/// a defer already on its way (the context must not be disposed under it).
/// </summary>
internal sealed class AutoDeferTimer
{
    private readonly InteractionContext _context;
    private readonly CancellationToken _ct;
    private readonly ITimer _timer;
    private readonly Lock _lock = new();
    private Task _deferring = Task.CompletedTask;
    private bool _stopped;

    public AutoDeferTimer(InteractionContext context, TimeProvider time, TimeSpan after, CancellationToken ct)
    {
        _context = context;
        _ct = ct;
        _timer = time.CreateTimer(static state => ((AutoDeferTimer)state!).Fire(), this, after > TimeSpan.Zero ? after : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private void Fire()
    {
        lock (_lock)
        {
            if (!_stopped && _context.State == InteractionResponseState.None)
            {
                _deferring = _context.AutoDeferAsync(_ct);
            }
        }
    }

    /// <summary>The handler is done: no defer from now on; waits for one already sent.</summary>
    public async Task StopAsync()
    {
        Task deferring;
        lock (_lock)
        {
            _stopped = true;
            deferring = _deferring;
        }

        await _timer.DisposeAsync().ConfigureAwait(false);
        await deferring.ConfigureAwait(false);
    }
}
