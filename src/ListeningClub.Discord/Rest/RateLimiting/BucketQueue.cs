namespace ListeningClub.Discord.Rest.RateLimiting;

/// <summary>
/// One rate-limit bucket for one major parameter. Requests in it are sent one at a time (the gate);
/// the limit state is only touched while holding the gate.
/// </summary>
internal sealed class BucketQueue
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Requests left before <see cref="ResetAt"/>; -1 while unknown.</summary>
    public int Remaining { get; set; } = -1;

    public int Limit { get; set; } = -1;

    /// <summary>TimeProvider timestamp when the bucket refills.</summary>
    public long ResetAt { get; set; }

    public long LastUsed { get; set; }
}
