using ListeningClub.Bot.Interactions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ListeningClub.Bot.Tests.Interactions;

public sealed class MemberRateLimiterTests
{
    [Fact]
    public void SixthCommandInTenSeconds_IsRefusedUntilTheWindowMoves()
    {
        var time = new FakeTimeProvider();
        var limiter = new MemberRateLimiter(Options.Create(new MemberRateLimitOptions()), time);
        for (var i = 0; i < 5; i++)
        {
            Assert.Null(limiter.TryAcquire(1));
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var wait = limiter.TryAcquire(1);
        Assert.Equal(TimeSpan.FromSeconds(5), wait);
        Assert.Null(limiter.TryAcquire(2)); // other members are unaffected

        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Null(limiter.TryAcquire(1));
    }
}
