using ListeningClub.Sandbox.Members;

namespace ListeningClub.Sandbox.Demo;

/// <summary>
/// The speed control: every <see cref="Interval"/> the club manager runs <c>/club advance</c> for each track, as the
/// "Run the next step" button does, so a weekly cycle (nominations, vote, pick and picture, thread, prompts, ratings)
/// plays by itself in a few minutes. Off by default.
/// </summary>
public sealed class Autoplay(DemoServer demo, MemberActions actions, TimeProvider time) : IAsyncDisposable
{
    public static readonly IReadOnlyList<int> Choices = [0, 60, 30, 10];

    private readonly Lock _gate = new();
    private CancellationTokenSource? _running;
    private Task _loop = Task.CompletedTask;

    /// <summary>Zero when off.</summary>
    public TimeSpan Interval { get; private set; }

    public async Task SetAsync(TimeSpan interval)
    {
        CancellationTokenSource? previous;
        Task previousLoop;
        lock (_gate)
        {
            previous = _running;
            previousLoop = _loop;
            Interval = interval;
            _running = interval > TimeSpan.Zero ? new CancellationTokenSource() : null;
            _loop = _running is { } running ? RunAsync(interval, running.Token) : Task.CompletedTask;
        }

        if (previous is not null)
        {
            await previous.CancelAsync().ConfigureAwait(false);
            await previousLoop.ConfigureAwait(false);
            previous.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await SetAsync(TimeSpan.Zero).ConfigureAwait(false);

    private async Task RunAsync(TimeSpan interval, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(interval, time, ct).ConfigureAwait(false);
                foreach (var track in demo.Tracks)
                {
                    try
                    {
                        await actions.CommandAsync(demo.Manager.Id, track.ChannelId, "club advance", new Dictionary<string, string> { ["track"] = track.Name }, ct).ConfigureAwait(false);
                    }
                    catch (HttpRequestException)
                    {
                        // The emulator refused this one (e.g. the channel is gone): the next tick tries again.
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Switched off, or the sandbox stops.
        }
    }
}
