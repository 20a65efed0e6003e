using ListeningClub.Discord.Gateway;
using Microsoft.Extensions.Time.Testing;

namespace ListeningClub.Discord.Tests.Gateway;

public sealed class GatewaySendLimiterTests
{
    [Fact]
    public async Task OrdinarySends_StopShortOf120PerMinute_LeavingRoomForHeartbeats()
    {
        var clock = new FakeTimeProvider();
        var limiter = new GatewaySendLimiter(clock, limit: 120, reservedForHeartbeats: 8);
        for (var i = 0; i < 112; i++)
        {
            await limiter.AcquireAsync(heartbeat: false, default);
        }

        var blocked = limiter.AcquireAsync(heartbeat: false, default).AsTask();
        await Task.Delay(20);
        Assert.False(blocked.IsCompleted);

        for (var i = 0; i < 8; i++)
        {
            await limiter.AcquireAsync(heartbeat: true, default);
        }

        clock.Advance(TimeSpan.FromSeconds(60));
        await blocked.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
