using System.Diagnostics.Metrics;
using ListeningClub.Bot.Telemetry;
using ListeningClub.Domain.Outbox;

namespace ListeningClub.Bot.Posting;

/// <summary>
/// The outbox's instruments: <c>listeningclub.outbox.posts</c> counts every attempt at a post by its kind and outcome
/// (sent, failed, abandoned); <c>listeningclub.outbox.pending</c> is how many posts wait for another attempt, kept
/// current without another read of the store: each dispatcher pass sets it from the outbox it read, each failed attempt
/// adds its post, and each post sent or abandoned leaves it.
/// </summary>
public sealed class OutboxMetrics
{
    private readonly Counter<long> _posts;
    private readonly HashSet<Guid> _pending = [];

    public OutboxMetrics(IMeterFactory meters)
    {
        var meter = BotMeter.From(meters);
        _posts = meter.CreateCounter<long>("listeningclub.outbox.posts", "{post}", "Attempts at the bot's own posts, by post kind and outcome (sent, failed, abandoned)");
        meter.CreateObservableGauge("listeningclub.outbox.pending", Pending, "{post}", "Posts waiting in the outbox for another attempt");
    }

    /// <summary>Posts waiting for another attempt, as far as this process knows.</summary>
    public int Pending()
    {
        lock (_pending)
        {
            return _pending.Count;
        }
    }

    /// <summary>One attempt at a post finished: <paramref name="after"/> is the post as recorded afterwards.</summary>
    internal void Attempted(OutboxMessage after)
    {
        lock (_pending)
        {
            if (after.IsPending)
            {
                _pending.Add(after.Id);
            }
            else
            {
                _pending.Remove(after.Id);
            }
        }

        var outcome = after.IsSent ? "sent" : after.IsPending ? "failed" : "abandoned";
        _posts.Add(1, new KeyValuePair<string, object?>("kind", after.Kind), new KeyValuePair<string, object?>("outcome", outcome));
    }

    /// <summary>The dispatcher read the outbox: these are exactly the posts pending now.</summary>
    internal void Listed(IEnumerable<OutboxMessage> pending)
    {
        lock (_pending)
        {
            _pending.Clear();
            _pending.UnionWith(pending.Select(m => m.Id));
        }
    }
}
