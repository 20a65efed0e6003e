using System.Net;
using ListeningClub.Discord.Rest;
using ListeningClub.Discord.Rest.Pipeline;
using ListeningClub.Discord.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace ListeningClub.Discord.Tests.Rest.Pipeline;

public sealed class RateLimitedRetryStageTests : IDisposable
{
    private static readonly DiscordRoute BotRoute = StageRig.BotRoute;
    private static readonly DiscordRoute InteractionRoute = StageRig.InteractionRoute;

    private readonly TimerRecordingClock _clock = new(new FakeTimeProvider());
    private readonly StageRig _rig;

    public RateLimitedRetryStageTests() => _rig = new StageRig(_clock);

    public void Dispose() => _rig.Dispose();

    private RestBreaker Breaker => _rig.Breaker;

    private RateLimitedRetryStage Stage(int maxRetries, ScriptedStage next) => new(_rig.Limiter, _rig.Breaker, maxRetries, _clock, next);

    private RestCall Call(DiscordRoute route) => _rig.Call(route);

    [Fact]
    public async Task Sublimit429_WaitsItsRetryAfter_ThenSendsAgain()
    {
        var next = new ScriptedStage(Attempts.Sublimit(3.0), Attempts.Ok());

        var sending = Stage(5, next).SendAsync(Call(BotRoute), default).AsTask();
        var wait = await _clock.NextWaitAsync(1);

        Assert.Equal(TimeSpan.FromSeconds(3), wait);
        Assert.Equal(1, next.Calls);
        _clock.Inner.Advance(wait);
        Assert.Equal(HttpStatusCode.OK, (await sending).Status);
        Assert.Equal(2, next.Calls);
    }

    [Fact]
    public async Task Discord429s_AreCountedOverTheWholeCall_ThenItFails()
    {
        // A retry-after of 0 waits for nothing, so the stage loops at once.
        var call = Call(BotRoute);
        var first = new ScriptedStage(Attempts.Sublimit(0), Attempts.Ok());
        await Stage(2, first).SendAsync(call, default);

        // The same call comes through again (as after a 5xx): one 429 already counts against its budget of two.
        var again = new ScriptedStage(Attempts.Sublimit(0));
        var ex = await Assert.ThrowsAsync<DiscordRestException>(() => Stage(2, again).SendAsync(call, default).AsTask());

        Assert.Equal(DiscordRestFailure.RetriesExhausted, ex.Failure);
        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Equal(2, again.Calls);
        Assert.Equal(3, call.RateLimitedCount);
    }

    [Fact]
    public async Task Cloudflare429_IsNotRetried_AndOpensTheBreakerForBotRoutesForItsRetryAfter()
    {
        var next = new ScriptedStage(Attempts.Cloudflare(retryAfter: 30), Attempts.Ok());

        var ex = await Assert.ThrowsAsync<DiscordRestException>(() => Stage(5, next).SendAsync(Call(BotRoute), default).AsTask());

        Assert.Equal(DiscordRestFailure.CircuitOpen, ex.Failure);
        Assert.Equal(1, next.Calls);
        Assert.Equal(1, _rig.Limiter.InvalidRequests.Count);
        Assert.Equal(DiscordRestFailure.CircuitOpen, Assert.Throws<DiscordRestException>(() => Breaker.ThrowIfUnavailable(BotRoute)).Failure);
        Breaker.ThrowIfUnavailable(InteractionRoute);

        _clock.Inner.Advance(TimeSpan.FromSeconds(29));
        Assert.Throws<DiscordRestException>(() => Breaker.ThrowIfUnavailable(BotRoute));
        _clock.Inner.Advance(TimeSpan.FromSeconds(1));
        Breaker.ThrowIfUnavailable(BotRoute);
    }

    [Fact]
    public async Task Cloudflare429WithoutRetryAfter_OpensTheBreakerForTheConfiguredDuration()
    {
        await Assert.ThrowsAsync<DiscordRestException>(() => Stage(5, new ScriptedStage(Attempts.Cloudflare())).SendAsync(Call(BotRoute), default).AsTask());

        _clock.Inner.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromTicks(1));
        Assert.Throws<DiscordRestException>(() => Breaker.ThrowIfUnavailable(BotRoute));
        _clock.Inner.Advance(TimeSpan.FromTicks(1));
        Breaker.ThrowIfUnavailable(BotRoute);
    }
}
