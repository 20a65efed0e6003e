using ListeningClub.Domain.Outbox;

namespace ListeningClub.Domain.Tests.Outbox;

public sealed class OutboxRetryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 6, 17, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 8)]
    [InlineData(8, 256)]
    [InlineData(9, 300)]
    [InlineData(1000, 300)]
    public void RetryDelay_DoublesFromTwoSeconds_UpToFiveMinutes_AndJitterOnlyShortensItByAQuarter(int failures, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), OutboxMessage.RetryDelay(failures, 0));
        Assert.InRange(OutboxMessage.RetryDelay(failures, 0.999999), TimeSpan.FromSeconds(seconds * 0.75), TimeSpan.FromSeconds(seconds * 0.7501));
        Assert.InRange(OutboxMessage.RetryDelay(failures, 0.5), TimeSpan.FromSeconds(seconds * 0.75), TimeSpan.FromSeconds(seconds));
    }

    [Fact]
    public void FailedAttempt_CountsIt_AndIsDueAgainOnlyAfterTheDelay()
    {
        var message = new OutboxMessage
        {
            Id = Guid.NewGuid(),
            Nonce = "n",
            GuildId = 1,
            ChannelId = 2,
            Kind = "pick-announced",
            IntentKey = "cycle",
            Payload = "{}",
            CreatedAt = Now,
        };
        Assert.True(message.IsDueAt(Now));

        var failed = message.FailedAttempt(Now, 0).FailedAttempt(Now, 0);

        Assert.Equal(2, failed.Attempts);
        Assert.Equal(Now.AddSeconds(4), failed.NextAttemptAt);
        Assert.False(failed.IsDueAt(Now.AddSeconds(3.9)));
        Assert.True(failed.IsDueAt(Now.AddSeconds(4)));
        Assert.False((failed with { SentAt = Now.AddSeconds(5) }).IsDueAt(Now.AddSeconds(5)));
    }
}
