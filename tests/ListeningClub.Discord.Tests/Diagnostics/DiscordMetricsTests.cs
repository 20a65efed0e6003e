using System.Diagnostics.Metrics;
using ListeningClub.Discord.Diagnostics;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Rest;
using ListeningClub.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace ListeningClub.Discord.Tests.Diagnostics;

/// <summary>Every HTTP attempt at Discord is counted by what it came back with, so an operator sees 429s as they happen.</summary>
public sealed class DiscordMetricsTests
{
    private static MessageCreateRequest Hello => new() { Content = "hello" };

    [Fact]
    public async Task RestAttempts_AreCountedByOutcome_Discord429sAndCloudflare429sApart()
    {
        using var h = new RestHarness();
        using var attempts = new MetricCollector<long>(h.Services.GetRequiredService<IMeterFactory>(), DiscordMetrics.MeterName, "listeningclub.discord.rest.attempts");
        var calls = 0;
        h.Handler.Respond = (_, _) => Task.FromResult(++calls switch
        {
            1 => Responses.TooManyRequests(1.0, global: false, scope: "shared", remaining: 0),
            2 => Responses.Message(),
            _ => Responses.CloudflareTooManyRequests(),
        });

        await Eventually.Drive(h.Messages.CreateAsync(1, Hello, default), h.Clock, TimeSpan.FromMilliseconds(250));
        await Assert.ThrowsAsync<DiscordRestException>(() => h.Messages.CreateAsync(1, Hello, default));

        Assert.Equal(["rate_limited", "success", "cloudflare_rate_limited"], attempts.GetMeasurementSnapshot().Select(m => m.Tags["outcome"]));
        Assert.All(attempts.GetMeasurementSnapshot(), m => Assert.Equal(1, m.Value));
    }
}
