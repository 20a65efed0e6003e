namespace ListeningClub.Bot.Rendering.Charts;

/// <summary>
/// Drawing that must not hold an answer or a post up: run on the thread pool (synchronous rendering cannot block the
/// caller), waited for at most a time box. What comes back is the drawing, or one line saying why there is none (for
/// the caller's log); a drawing still running when the box closes is cancelled and its failure observed.
/// </summary>
public static class TimeBoxedDrawing
{
    public static async Task<(T? Value, string? Failure)> RunAsync<T>(Func<CancellationToken, Task<T>> draw, TimeSpan box, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draw);
        using var timeout = new CancellationTokenSource(box, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        var drawing = Task.Run(() => draw(linked.Token), linked.Token);
        try
        {
            return (await drawing.WaitAsync(box, time, ct).ConfigureAwait(false), null);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            _ = drawing.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return (default, ex is TimeoutException or OperationCanceledException ? $"drawing took longer than {box.TotalSeconds:0} s" : $"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
