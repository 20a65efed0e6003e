using ListeningClub.Discord.Rest;
using ListeningClub.Discord.Rest.Pipeline;
using ListeningClub.Discord.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ListeningClub.Discord.Tests.Rest.Pipeline;

public sealed class RestBreakerTests
{
    private static readonly DiscordRoute BotRoute = StageRig.BotRoute;
    private static readonly DiscordRoute InteractionRoute = StageRig.InteractionRoute;

    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void Stop_RefusesEveryRoute_InteractionsToo_ForGood()
    {
        var breaker = new RestBreaker(_clock, NullLogger.Instance, TimeSpan.FromMinutes(10));

        breaker.Stop("token refused");
        _clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(DiscordRestFailure.Unauthorized, Assert.Throws<DiscordRestException>(() => breaker.ThrowIfUnavailable(BotRoute)).Failure);
        Assert.Equal(DiscordRestFailure.Unauthorized, Assert.Throws<DiscordRestException>(() => breaker.ThrowIfUnavailable(InteractionRoute)).Failure);
    }

    [Fact]
    public void Open_HoldsBotRoutesOnly_UntilItsDurationHasPassed()
    {
        var breaker = new RestBreaker(_clock, NullLogger.Instance, TimeSpan.FromMinutes(10));

        breaker.Open(InteractionRoute, retryAfterSeconds: 60);

        Assert.Equal(DiscordRestFailure.CircuitOpen, Assert.Throws<DiscordRestException>(() => breaker.ThrowIfUnavailable(BotRoute)).Failure);
        breaker.ThrowIfUnavailable(InteractionRoute);
        _clock.Advance(TimeSpan.FromSeconds(60));
        breaker.ThrowIfUnavailable(BotRoute);
    }
}
