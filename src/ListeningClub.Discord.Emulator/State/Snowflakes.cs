namespace ListeningClub.Discord.Emulator.State;

/// <summary>Discord-style ids: (ms since 2015-01-01) &lt;&lt; 22 | worker &lt;&lt; 17 | process &lt;&lt; 12 | increment, strictly increasing.</summary>
public sealed class Snowflakes(TimeProvider time)
{
    public const long DiscordEpochMs = 1_420_070_400_000;
    private const ulong Worker = 1;
    private const ulong Process = 0;
    private readonly Lock _gate = new();
    private ulong _last;
    private ulong _increment;

    public ulong Next()
    {
        var ms = (ulong)Math.Max(0, time.GetUtcNow().ToUnixTimeMilliseconds() - DiscordEpochMs);
        lock (_gate)
        {
            _increment = (_increment + 1) & 0xFFF;
            var id = (ms << 22) | (Worker << 17) | (Process << 12) | _increment;
            if (id <= _last)
            {
                id = _last + 1;
            }

            _last = id;
            return id;
        }
    }

    public static DateTimeOffset TimestampOf(ulong id) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)(id >> 22) + DiscordEpochMs);
}
