namespace ListeningClub.Discord.Emulator.State;

/// <summary>
/// A version number that moves on every request that may change what a Discord client shows (anything but GET on the
/// REST and control APIs), so a viewer such as the sandbox's page can wait for the next change instead of polling.
/// </summary>
public sealed class ChangeFeed
{
    private readonly Lock _gate = new();
    private long _version;
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    public void Bump()
    {
        TaskCompletionSource reached;
        lock (_gate)
        {
            _version++;
            reached = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        reached.TrySetResult();
    }

    /// <summary>
    /// The version once it is past <paramref name="after"/>, or the current one when <paramref name="timeout"/> (wall-clock,
    /// like the control API's other long poll, so it ends also under a test's fake clock) runs out first.
    /// </summary>
    public async Task<long> WaitAfterAsync(long after, TimeSpan timeout, CancellationToken ct)
    {
        Task next;
        lock (_gate)
        {
            if (_version > after)
            {
                return _version;
            }

            next = _next.Task;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(timeout, stop.Token);
        await Task.WhenAny(next, delay).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        return Version;
    }
}
