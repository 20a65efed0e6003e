using System.Threading.Channels;
using ListeningClub.Bot.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ListeningClub.Bot.Tests.Hosting;

/// <summary>
/// The idle bot gives back the memory a burst of work used (start-up's catch-up pass, a thousand closes in one minute)
/// once the burst is over, and does not collect while work goes on or over and over while idle.
/// </summary>
public sealed class IdleTrimTests
{
    private const long MB = 1024 * 1024;
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void StartupBurst_TrimsOnceAllocationHasBeenQuietForTheWholeWindow_NotBefore()
    {
        var policy = new IdleTrimPolicy();
        var trims = new List<int>();

        // 40 s of work at 4 MB/s, then an idle trickle of 1 kB/s; a reading every 5 s.
        var allocated = 0L;
        for (var second = 5; second <= 120; second += 5)
        {
            allocated += second <= 40 ? 20 * MB : 5 * 1024;
            if (policy.ShouldTrim(Start.AddSeconds(second), allocated))
            {
                trims.Add(second);
            }
        }

        // Quiet from 40 s on; the window is 15 s.
        Assert.Equal([55], trims);
    }

    [Fact]
    public void SmallStartup_IsTrimmedOnceQuiet_ThenOnlyAfterABurstWorth()
    {
        var policy = new IdleTrimPolicy();

        // One club: start-up allocated 6 MB, far below a burst, but it compiled the bot's code all the same.
        Assert.False(policy.ShouldTrim(Start.AddSeconds(5), 6 * MB));
        Assert.False(policy.ShouldTrim(Start.AddSeconds(10), 6 * MB));
        Assert.False(policy.ShouldTrim(Start.AddSeconds(15), 6 * MB));
        Assert.True(policy.ShouldTrim(Start.AddSeconds(20), 6 * MB));
        Assert.False(policy.ShouldTrim(Start.AddSeconds(60), 7 * MB));
        Assert.False(policy.ShouldTrim(Start.AddMinutes(10), 8 * MB));
    }

    [Fact]
    public void AllocationThatNeverGoesQuiet_IsNeverInterrupted()
    {
        var policy = new IdleTrimPolicy();
        var allocated = 0L;
        for (var second = 5; second <= 600; second += 5)
        {
            allocated += 2 * MB;
            Assert.False(policy.ShouldTrim(Start.AddSeconds(second), allocated));
        }
    }

    [Fact]
    public void IdleTrickle_TrimsAgainOnlyOnceABurstWorthHasAccumulated()
    {
        var policy = new IdleTrimPolicy();
        Assert.False(policy.ShouldTrim(Start, 100 * MB));
        var trims = new List<TimeSpan>();

        // 10 kB/s for eight hours, read every 5 s.
        for (var elapsed = TimeSpan.FromSeconds(5); elapsed <= TimeSpan.FromHours(8); elapsed += TimeSpan.FromSeconds(5))
        {
            if (policy.ShouldTrim(Start + elapsed, 100 * MB + (long)(elapsed.TotalSeconds * 10 * 1024)))
            {
                trims.Add(elapsed);
            }
        }

        // The start-up burst once quiet, then one per 16 MB of trickle (about every 28 minutes), no more.
        Assert.Equal(TimeSpan.FromSeconds(15), trims[0]);
        Assert.Equal(18, trims.Count);
        Assert.All(trims.Zip(trims.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromMinutes(27)));
    }

    [Fact]
    public void LaterBurst_TrimsAgainAfterItsOwnQuiet()
    {
        var policy = new IdleTrimPolicy();
        Assert.False(policy.ShouldTrim(Start, 0));
        Assert.False(policy.ShouldTrim(Start.AddSeconds(5), 50 * MB));
        Assert.False(policy.ShouldTrim(Start.AddSeconds(10), 50 * MB));
        Assert.False(policy.ShouldTrim(Start.AddSeconds(15), 50 * MB));
        Assert.True(policy.ShouldTrim(Start.AddSeconds(20), 50 * MB));

        // An hour later a thousand closes allocate 30 MB in 10 s, then nothing.
        Assert.False(policy.ShouldTrim(Start.AddHours(1), 50 * MB));
        Assert.False(policy.ShouldTrim(Start.AddHours(1).AddSeconds(5), 65 * MB));
        Assert.False(policy.ShouldTrim(Start.AddHours(1).AddSeconds(10), 80 * MB));
        Assert.False(policy.ShouldTrim(Start.AddHours(1).AddSeconds(15), 80 * MB));
        Assert.False(policy.ShouldTrim(Start.AddHours(1).AddSeconds(20), 80 * MB));
        Assert.True(policy.ShouldTrim(Start.AddHours(1).AddSeconds(25), 80 * MB));
        Assert.False(policy.ShouldTrim(Start.AddHours(1).AddSeconds(30), 80 * MB));
    }

    [Fact]
    public void MissedReadings_TheRateIsTakenOverTheTimeThatPassed()
    {
        var policy = new IdleTrimPolicy();
        Assert.False(policy.ShouldTrim(Start, 40 * MB));

        // One late reading 30 s on, 1 MB more: 35 kB/s, quiet since the previous reading, and long enough.
        Assert.True(policy.ShouldTrim(Start.AddSeconds(30), 41 * MB));
    }

    [Fact]
    public async Task Service_ReadsTheCounterOnTheClock_AndCollectsOnceAfterTheBurst()
    {
        var time = new FakeTimeProvider(Start);
        var readings = Channel.CreateUnbounded<int>();
        var events = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var reading = 0;

        // The process allocated 60 MB by the first reading (start-up), then nothing. Readings and collections happen
        // one after the other on the service's loop, so the event list is in their true order.
        var trim = new IdleTrim(time, NullLogger.Instance, () =>
        {
            reading++;
            events.Enqueue($"read {reading}");
            readings.Writer.TryWrite(reading);
            return 60 * MB;
        }, () => events.Enqueue("collect"));
        await trim.StartAsync(CancellationToken.None);

        for (var expected = 1; expected <= 8; expected++)
        {
            time.Advance(IdleTrim.SamplePeriod);
            Assert.Equal(expected, await readings.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
        }

        // Stopping waits for the loop, so whatever the last reading led to is in the list.
        await trim.StopAsync(CancellationToken.None);
        trim.Dispose();

        // Readings at 5, 10, 15, 20 s: quiet from the first, for 15 s by the fourth.
        Assert.Equal(["read 1", "read 2", "read 3", "read 4", "collect", "read 5", "read 6", "read 7", "read 8"], events);
    }

    [Fact]
    public void NativeTrim_GivesBackGlibcsFreePages_AndIsANoOpWithoutGlibc()
    {
        var glibc = OperatingSystem.IsLinux() && System.Runtime.InteropServices.NativeLibrary.TryLoad("libc.so.6", out _);

        Assert.Equal(glibc, NativeHeap.TryTrim());
    }
}
