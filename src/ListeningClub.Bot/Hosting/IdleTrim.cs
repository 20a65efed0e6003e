using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ListeningClub.Bot.Hosting;

/// <summary>
/// A burst of work (start-up: READY with every guild and the catch-up pass over every track, which with 1,000 clubs
/// allocates for most of a minute; later, a thousand tracks closing in the same minute) leaves garbage and memory the
/// GC committed for it, and an idle bot keeps both resident for hours, because nothing it does afterwards allocates
/// enough to trigger a full collection. This watches the allocation rate and, once a burst
/// (<see cref="IdleTrimPolicy.BurstBytes"/> allocated since the last trim) has been followed by quiet, runs one
/// compacting collection that also returns the freed memory to the operating system, then asks glibc to do the same
/// with what native code freed (<see cref="NativeHeap"/>). Measured in docs/benchmarks.md (start-up and memory).
/// </summary>
internal sealed partial class IdleTrim : BackgroundService
{
    /// <summary>How often the allocation counter is read.</summary>
    internal static readonly TimeSpan SamplePeriod = TimeSpan.FromSeconds(5);

    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<long> _allocatedBytes;
    private readonly Action _collect;
    private PeriodicTimer? _timer;

    public IdleTrim(TimeProvider time, ILogger<IdleTrim> logger)
        : this(time, logger, () => GC.GetTotalAllocatedBytes(precise: false), Collect)
    {
    }

    /// <summary>Tests pass their own allocation counter and collection.</summary>
    internal IdleTrim(TimeProvider time, ILogger logger, Func<long> allocatedBytes, Action collect)
    {
        _time = time;
        _logger = logger;
        _allocatedBytes = allocatedBytes;
        _collect = collect;
    }

    /// <summary>The clock starts here, not in <see cref="ExecuteAsync"/>, which the host runs later on another thread.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = new PeriodicTimer(SamplePeriod, _time);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var policy = new IdleTrimPolicy();
        var timer = _timer ?? throw new InvalidOperationException("Not started.");
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            var allocated = _allocatedBytes();
            if (policy.ShouldTrim(_time.GetUtcNow(), allocated))
            {
                var before = GC.GetGCMemoryInfo().TotalCommittedBytes;
                var started = _time.GetTimestamp();
                _collect();
                LogTrimmed(_logger, before / (1024 * 1024), GC.GetGCMemoryInfo().TotalCommittedBytes / (1024 * 1024), _time.GetElapsedTime(started).TotalMilliseconds);
            }
        }
    }

    private static void Collect()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        NativeHeap.TryTrim();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Allocation went quiet after a burst: compacted the heap, committed {BeforeMB} MB -> {AfterMB} MB in {Milliseconds:0} ms")]
    private static partial void LogTrimmed(ILogger logger, long beforeMB, long afterMB, double milliseconds);
}

/// <summary>
/// When to trim: for the last <see cref="QuietFor"/> no more than <see cref="QuietBytesPerSecond"/> allocated on
/// average between readings, and, after the first trim, at least <see cref="BurstBytes"/> allocated since the last one.
/// The first trim, once start-up has gone quiet, does not wait for a burst's worth: however little a small bot's
/// start-up allocated, it compiled its code, and the JIT's freed native memory is what the trim's malloc_trim returns.
/// Readings may come late or be missed; the rate is taken over the time between the readings actually made.
/// </summary>
internal sealed class IdleTrimPolicy
{
    /// <summary>Allocation that makes a trim worth it (a collection of the idle bot's heap costs a few tens of milliseconds).</summary>
    internal const long BurstBytes = 16L * 1024 * 1024;

    /// <summary>An idle bot (heartbeats, timers) allocates a few kB per second; work allocates megabytes.</summary>
    internal const long QuietBytesPerSecond = 64 * 1024;

    internal static readonly TimeSpan QuietFor = TimeSpan.FromSeconds(15);

    private DateTimeOffset? _lastAt;
    private long _lastAllocated;
    private long? _allocatedAtTrim;
    private DateTimeOffset? _quietSince;

    /// <summary>Takes a reading of the process's total allocated bytes at <paramref name="now"/>; true when it is time to trim (the trim is then counted as done).</summary>
    public bool ShouldTrim(DateTimeOffset now, long allocatedBytes)
    {
        if (_lastAt is { } lastAt)
        {
            var seconds = (now - lastAt).TotalSeconds;
            var quiet = seconds > 0 && (allocatedBytes - _lastAllocated) / seconds <= QuietBytesPerSecond;
            _quietSince = quiet ? _quietSince ?? lastAt : null;
        }

        _lastAt = now;
        _lastAllocated = allocatedBytes;
        if (_quietSince is not { } since || now - since < QuietFor || (_allocatedAtTrim is { } atTrim && allocatedBytes - atTrim < BurstBytes))
        {
            return false;
        }

        _allocatedAtTrim = allocatedBytes;
        return true;
    }
}
