using ListeningClub.Discord.Rest.RateLimiting;

namespace ListeningClub.Discord.Rest.Pipeline;

/// <summary>One caller's request on its way through the stages: what to send, and what the stages count across its attempts.</summary>
internal sealed class RestCall(DiscordRoute route, byte[]? body)
{
    private BucketQueue? _queue;

    public DiscordRoute Route { get; } = route;

    /// <summary>The JSON (or multipart) body, sent unchanged on every attempt; null for none.</summary>
    public byte[]? Body { get; } = body;

    /// <summary>The bucket queue whose gate this call holds; set by <see cref="BucketQueueStage"/> before any attempt.</summary>
    public BucketQueue Queue
    {
        get => _queue ?? throw new InvalidOperationException("The call has no bucket queue yet: BucketQueueStage must run before the stages that send.");
        set => _queue = value;
    }

    /// <summary>Discord 429s this call has waited out, over all its attempts.</summary>
    public int RateLimitedCount { get; set; }
}
