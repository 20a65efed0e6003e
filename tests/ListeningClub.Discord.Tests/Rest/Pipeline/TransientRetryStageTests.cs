using System.Net;
using ListeningClub.Discord.Rest;
using ListeningClub.Discord.Rest.Pipeline;
using ListeningClub.Discord.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ListeningClub.Discord.Tests.Rest.Pipeline;

public sealed class TransientRetryStageTests
{
    private static readonly DiscordRoute Route = StageRig.BotRoute;

    private readonly TimerRecordingClock _clock = new(new FakeTimeProvider());

    private TransientRetryStage Stage(int maxRetries, ScriptedStage next, Func<double>? randomizer = null) =>
        new(maxRetries, _clock, NullLogger.Instance, next, randomizer);

    [Fact]
    public async Task ServerError_IsRetriedAfterABackoffOnTheInjectedClock()
    {
        var next = new ScriptedStage(Attempts.Answer(HttpStatusCode.ServiceUnavailable), Attempts.Ok());

        var sending = Stage(3, next).SendAsync(new RestCall(Route, null), default).AsTask();
        var backoff = await _clock.NextWaitAsync(1);

        Assert.False(sending.IsCompleted);
        Assert.Equal(1, next.Calls);
        Assert.InRange(backoff, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(10));
        _clock.Inner.Advance(backoff);
        var attempt = await sending;
        Assert.Equal(HttpStatusCode.OK, attempt.Status);
        Assert.Equal(2, next.Calls);
    }

    [Fact]
    public async Task Backoff_GrowsExponentially_EachWaitCappedAtTenSeconds_ThenTheCallFails()
    {
        var next = new ScriptedStage(Attempts.Answer(HttpStatusCode.InternalServerError, """{"code":0,"message":"oops"}"""));

        var sending = Stage(8, next, randomizer: () => 0.5).SendAsync(new RestCall(Route, null), default).AsTask();
        var waits = new List<TimeSpan>();
        for (var retry = 1; retry <= 8; retry++)
        {
            var wait = await _clock.NextWaitAsync(retry);
            waits.Add(wait);
            _clock.Inner.Advance(wait);
        }

        var ex = await Assert.ThrowsAsync<DiscordRestException>(() => sending);
        Assert.Equal(DiscordRestFailure.RetriesExhausted, ex.Failure);
        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Equal(9, next.Calls);
        Assert.True(waits[0] < TimeSpan.FromSeconds(1), $"first wait {waits[0]}");
        Assert.Equal(waits.Order(), waits);
        Assert.True(waits[5] > waits[2] * 4, $"waits {string.Join(", ", waits)} grow exponentially");
        Assert.Equal(TimeSpan.FromSeconds(10), waits[^1]);
    }

    [Fact]
    public async Task Backoff_IsJittered()
    {
        var low = new TimerRecordingClock(new FakeTimeProvider());
        var high = new TimerRecordingClock(new FakeTimeProvider());
        var lowSending = new TransientRetryStage(1, low, NullLogger.Instance, new ScriptedStage(Attempts.Answer(HttpStatusCode.BadGateway)), () => 0.1).SendAsync(new RestCall(Route, null), default).AsTask();
        var highSending = new TransientRetryStage(1, high, NullLogger.Instance, new ScriptedStage(Attempts.Answer(HttpStatusCode.BadGateway)), () => 0.9).SendAsync(new RestCall(Route, null), default).AsTask();

        var lowWait = await low.NextWaitAsync(1);
        var highWait = await high.NextWaitAsync(1);
        low.Inner.Advance(lowWait);
        high.Inner.Advance(highWait);

        Assert.True(lowWait < highWait, $"{lowWait} < {highWait}");
        await Assert.ThrowsAsync<DiscordRestException>(() => lowSending);
        await Assert.ThrowsAsync<DiscordRestException>(() => highSending);
    }

    [Fact]
    public async Task TransportFailure_WithNoRetriesLeft_FailsWithItsCause()
    {
        var next = new ScriptedStage(RestAttempt.Failed(new HttpRequestException("connection refused")));

        var ex = await Assert.ThrowsAsync<DiscordRestException>(() => Stage(0, next).SendAsync(new RestCall(Route, null), default).AsTask());

        Assert.IsType<HttpRequestException>(ex.InnerException);
        Assert.Contains("after 1 attempts", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, next.Calls);
        Assert.Empty(_clock.DueTimes);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task AnythingButA5xxOrNoAnswer_IsPassedOnAtOnce(HttpStatusCode status)
    {
        var next = new ScriptedStage(Attempts.Answer(status, """{"message":"x","retry_after":1,"global":false}"""));

        var attempt = await Stage(3, next).SendAsync(new RestCall(Route, null), default);

        Assert.Equal(status, attempt.Status);
        Assert.Equal(1, next.Calls);
        Assert.Empty(_clock.DueTimes);
    }

    [Fact]
    public async Task CallerCancellingDuringTheBackoff_StopsTheCall_WithoutAnotherAttempt()
    {
        using var cts = new CancellationTokenSource();
        var next = new ScriptedStage(Attempts.Answer(HttpStatusCode.BadGateway));

        var sending = Stage(3, next).SendAsync(new RestCall(Route, null), cts.Token).AsTask();
        await _clock.NextWaitAsync(1);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        Assert.Equal(1, next.Calls);
    }
}
