using ListeningClub.Discord.Rest;
using ListeningClub.Discord.Rest.Pipeline;
using ListeningClub.Discord.Rest.RateLimiting;
using Microsoft.Extensions.Logging.Abstractions;

namespace ListeningClub.Discord.Tests.Fakes;

/// <summary>What the REST stages that wait share, on a test's clock: the rate limiter and the breaker (10 minutes without a Retry-After).</summary>
internal sealed class StageRig : IDisposable
{
    public static readonly DiscordRoute BotRoute = new(HttpMethod.Post, "POST /channels/{channel_id}/messages", "1", "/channels/1/messages");

    public static readonly DiscordRoute InteractionRoute = new(HttpMethod.Post, "POST /interactions/{interaction_id}/{interaction_token}/callback", "10", "/interactions/10/tok/callback", DiscordRouteKind.InteractionWebhook);

    public StageRig(TimeProvider clock, int globalPerSecond = 50)
    {
        Limiter = new RestRateLimiter(clock, NullLogger.Instance, globalPerSecond, invalidRequestPauseThreshold: 5_000);
        Breaker = new RestBreaker(clock, NullLogger.Instance, TimeSpan.FromMinutes(10));
    }

    public RestRateLimiter Limiter { get; }

    public RestBreaker Breaker { get; }

    /// <summary>A call on <paramref name="route"/> as <see cref="BucketQueueStage"/> hands it on: with its bucket queue.</summary>
    public RestCall Call(DiscordRoute route) => new(route, null) { Queue = Limiter.GetQueue(route) };

    public void Dispose() => Limiter.Dispose();
}
