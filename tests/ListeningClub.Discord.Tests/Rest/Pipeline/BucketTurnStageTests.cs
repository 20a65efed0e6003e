using System.Net;
using ListeningClub.Discord.Rest;
using ListeningClub.Discord.Rest.Pipeline;
using ListeningClub.Discord.Rest.RateLimiting;
using ListeningClub.Discord.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace ListeningClub.Discord.Tests.Rest.Pipeline;

public sealed class BucketTurnStageTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new();
    private readonly StageRig _rig;

    public BucketTurnStageTests() => _rig = new StageRig(_clock, globalPerSecond: 1);

    public void Dispose() => _rig.Dispose();

    private BucketTurnStage Stage(IRestStage next) => new(_rig.Limiter, _rig.Breaker, next);

    private RestCall Call() => _rig.Call(StageRig.BotRoute);

    [Fact]
    public async Task AnAttemptThatThrows_StillFreesItsGlobalSlot()
    {
        var stage = Stage(new ThrowingStage());
        await Assert.ThrowsAsync<OperationCanceledException>(() => stage.SendAsync(Call(), default).AsTask());

        // One request a second: the failed attempt's slot frees one second after it ended, not never.
        var next = Stage(new ScriptedStage(Attempts.Ok())).SendAsync(Call(), default).AsTask();
        _clock.Advance(TimeSpan.FromSeconds(1));
        var attempt = await next.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, attempt.Status);
    }

    [Fact]
    public async Task AnEmptiedBucket_HoldsTheNextAttemptUntilItsReset()
    {
        var emptied = Attempts.Answer(HttpStatusCode.OK, Responses.MessageJson, new RateLimitHeaders("abc", 5, 0, 2.0, null, Global: false, Scope: null));
        var next = new ScriptedStage(emptied, Attempts.Ok());
        var stage = Stage(next);
        await stage.SendAsync(Call(), default);
        var start = _clock.GetUtcNow();

        await Eventually.Drive(stage.SendAsync(Call(), default).AsTask(), _clock, TimeSpan.FromMilliseconds(100));

        Assert.Equal(2, next.Calls);
        Assert.True(_clock.GetUtcNow() - start >= TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task BreakerOpen_FailsABotAttemptBeforeItIsSent()
    {
        var next = new ScriptedStage(Attempts.Ok());
        _rig.Breaker.Open(StageRig.BotRoute, retryAfterSeconds: 30);

        var ex = await Assert.ThrowsAsync<DiscordRestException>(() => Stage(next).SendAsync(Call(), default).AsTask());

        Assert.Equal(DiscordRestFailure.CircuitOpen, ex.Failure);
        Assert.Equal(0, next.Calls);
    }

    private sealed class ThrowingStage : IRestStage
    {
        public ValueTask<RestAttempt> SendAsync(RestCall call, CancellationToken ct) => throw new OperationCanceledException();
    }
}
