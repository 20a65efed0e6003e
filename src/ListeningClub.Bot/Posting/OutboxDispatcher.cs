using System.Threading.Channels;
using ListeningClub.Application.Locks;
using ListeningClub.Discord.Fatal;
using ListeningClub.Domain.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ListeningClub.Bot.Posting;

/// <summary>Tells <see cref="OutboxDispatcher"/> that the outbox changed (an attempt failed or did not finish); signals coalesce.</summary>
public sealed class OutboxWakeUp
{
    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Signal() => _signals.Writer.TryWrite(true);

    internal void Clear()
    {
        while (_signals.Reader.TryRead(out _))
        {
        }
    }

    internal Task WaitAsync(CancellationToken ct) => _signals.Reader.WaitToReadAsync(ct).AsTask();
}

/// <summary>
/// Sends the outbox continuously: every pending post whose next attempt is due is tried again (one attempt per post
/// at a time, see <see cref="OutboxSender"/>), then it sleeps until the earliest next attempt, a wake-up from the
/// sender, or <see cref="OutboxMessage.MaxRetryDelay"/> at most (<see cref="SharedStoreScan"/> when instances share the
/// store: a post another instance decided, and left when it died, wakes nobody here). Posts it gets out late have their follow-ups done
/// (<see cref="LateAnnouncements"/>). It runs on its own, never on the gateway's loop; it stops with the host and when
/// the Discord client stops for good (a 401).
/// </summary>
public sealed partial class OutboxDispatcher(
    IOutboxRepository outbox,
    OutboxSender sender,
    OutboxWakeUp wakeUp,
    LateAnnouncements late,
    OutboxMetrics metrics,
    IDiscordFatalErrors fatal,
    IClusterLocks cluster,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    /// <summary>The longest sleep when instances share the store: how soon a post left by a dead instance is seen here (once its claim expired).</summary>
    public static readonly TimeSpan SharedStoreScan = TimeSpan.FromSeconds(30);

    /// <summary>How long a post another instance is attempting is left alone before this one looks at it again.</summary>
    public static readonly TimeSpan ClaimedElsewhereWait = TimeSpan.FromSeconds(15);

    private readonly Dictionary<Guid, DateTimeOffset> _heldBack = [];

    /// <summary>Sends every pending post now, oldest first, whatever its next attempt says (start-up, and a new gateway session); returns how many were pending.</summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken)
    {
        var pending = await outbox.ListPendingAsync(cancellationToken).ConfigureAwait(false);
        metrics.Listed(pending);
        foreach (var message in pending)
        {
            await SendAsync(message, whenDue: false, cancellationToken).ConfigureAwait(false);
        }

        return pending.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, fatal.Stopping);
        var ct = stopping.Token;
        var running = new List<Task>();
        try
        {
            while (!ct.IsCancellationRequested)
            {
                wakeUp.Clear(); // before reading: a change made after the read wakes the next wait
                var next = await StartDueAsync(running, ct).ConfigureAwait(false);
                running.RemoveAll(task => task.IsCompleted);
                await SleepAsync(next, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down (or the Discord client stopped): pending posts stay stored for the next start.
        }
        finally
        {
            await Task.WhenAll(running).ConfigureAwait(false);
        }
    }

    /// <summary>Starts an attempt for each due post not already being tried; returns when the next one comes due.</summary>
    private async Task<DateTimeOffset> StartDueAsync(List<Task> running, CancellationToken ct)
    {
        var pending = await outbox.ListPendingAsync(ct).ConfigureAwait(false);
        metrics.Listed(pending);
        var now = time.GetUtcNow();
        var next = now + (cluster.IsShared ? SharedStoreScan : OutboxMessage.MaxRetryDelay);
        foreach (var message in pending)
        {
            if (sender.IsSending(message.Id))
            {
                continue; // its attempt wakes us when it fails
            }

            var due = message.NextAttemptAt ?? now;
            lock (_heldBack)
            {
                if (_heldBack.TryGetValue(message.Id, out var until))
                {
                    due = until > due ? until : due;
                }
            }

            if (due <= now)
            {
                running.Add(SendAsync(message, whenDue: true, ct));
            }
            else if (due < next)
            {
                next = due;
            }
        }

        lock (_heldBack)
        {
            foreach (var gone in _heldBack.Keys.Except(pending.Select(m => m.Id)).ToList())
            {
                _heldBack.Remove(gone); // sent or given up meanwhile
            }
        }

        return next;
    }

    private async Task SleepAsync(DateTimeOffset until, CancellationToken ct)
    {
        var wait = until - time.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        using var sleep = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var woken = wakeUp.WaitAsync(sleep.Token);
        var timer = Task.Delay(wait, time, sleep.Token);
        await Task.WhenAny(woken, timer).ConfigureAwait(false);
        await sleep.CancelAsync().ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();
    }

    private async Task SendAsync(OutboxMessage message, bool whenDue, CancellationToken ct)
    {
        OutboxAttempt attempt;
        try
        {
            attempt = await sender.TrySendAsync(message.Id, whenDue, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            // The outcome could not be recorded (the store failed): hold the post back instead of trying it in a loop.
            LogAttemptFailed(logger, ex, message.Kind, message.IntentKey);
            lock (_heldBack)
            {
                _heldBack[message.Id] = time.GetUtcNow() + OutboxMessage.MaxRetryDelay;
            }

            return;
        }

        var after = attempt.After;
        lock (_heldBack)
        {
            if (attempt.ClaimedElsewhere)
            {
                // Another instance sharing the store is attempting it: look again shortly.
                _heldBack[message.Id] = time.GetUtcNow() + ClaimedElsewhereWait;
            }
            else
            {
                _heldBack.Remove(message.Id);
            }
        }

        if (after.IsSent)
        {
            LogSent(logger, after.Kind, after.IntentKey, after.Attempts);
            await late.AfterSentAsync(after, ct).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Posted {Kind} {IntentKey} from the outbox (attempt {Attempt})")]
    private static partial void LogSent(ILogger logger, string kind, string intentKey, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record an attempt at {Kind} {IntentKey}; trying it again later")]
    private static partial void LogAttemptFailed(ILogger logger, Exception exception, string kind, string intentKey);
}
