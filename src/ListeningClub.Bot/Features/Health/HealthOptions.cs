using System.ComponentModel.DataAnnotations;

namespace ListeningClub.Bot.Features.Health;

/// <summary>The health endpoint. Bound from the <c>Health</c> section.</summary>
public sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>Serve <c>http://127.0.0.1:{Port}/healthz</c> (loopback only).</summary>
    public bool Enabled { get; set; } = true;

    [Range(1, 65535, ErrorMessage = "Health:Port must be a TCP port between 1 and 65535 (environment variable ListeningClub__Health__Port).")]
    public int Port { get; set; } = 8642;

    /// <summary>Unhealthy when the gateway has not acknowledged a heartbeat (or connected) for longer than this. Discord's interval is about 41 s.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan MaxHeartbeatAckAge { get; set; } = TimeSpan.FromMinutes(2);

    public Uri Url => new($"http://127.0.0.1:{Port}/healthz");
}
